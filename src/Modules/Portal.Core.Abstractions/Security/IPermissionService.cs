using System.Security.Claims;

namespace Portal.Core.Security;

public interface IPermissionService
{
    /// <summary>True when the active role of the session is granted the permission.</summary>
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission);
}
