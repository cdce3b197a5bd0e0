using System.Security.Claims;

namespace Portal.Core.Security;

public interface IPermissionService
{
    /// <summary>True when the active role of the session is granted the permission.</summary>
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission);

    /// <summary>The roles of the portal with the permissions granted to each, by name.</summary>
    Task<IReadOnlyList<RoleInfo>> RolesAsync(CancellationToken ct = default);
}

/// <param name="Permissions">Names of the granted permissions (the Amministratore holds every one without grants).</param>
public sealed record RoleInfo(string Name, string DisplayName, string? Description, IReadOnlyList<string> Permissions);
