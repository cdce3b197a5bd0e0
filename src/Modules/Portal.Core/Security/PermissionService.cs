using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Security;

/// <summary>Reads grants from the database once per request (grants are data; no cross-node cache to invalidate).</summary>
internal sealed class PermissionService(CoreDbContext db) : IPermissionService
{
    private readonly Dictionary<string, HashSet<string>> _grants = new(StringComparer.Ordinal);

    /// <summary>The active role's grants, read by the session check in its own query (saves this request a round trip).</summary>
    internal void Prime(string role, IEnumerable<string> grants) => _grants[role] = grants.ToHashSet(StringComparer.Ordinal);

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        var role = user.GetActiveRole();
        if (role is null) return false;
        if (role == PortalRoles.Amministratore) return true;
        if (!_grants.TryGetValue(role, out var granted))
        {
            granted = (await db.RolePermissions.AsNoTracking()
                .Where(p => p.RoleName == role).Select(p => p.PermissionName).ToListAsync()).ToHashSet();
            _grants[role] = granted;
        }
        return granted.Contains(permission);
    }

    public async Task<IReadOnlyList<RoleInfo>> RolesAsync(CancellationToken ct = default) =>
        (await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Name).ToListAsync(ct))
        .Select(r => new RoleInfo(r.Name, r.DisplayName, r.Description, r.Permissions.Select(p => p.PermissionName).Order(StringComparer.Ordinal).ToList()))
        .ToList();
}
