using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Security;

internal sealed class RoleAssignments(CoreDbContext db, TimeProvider clock) : IRoleAssignments
{
    public async Task<RoleHolding> GrantAsync(Guid personId, string roleName, string? scopeType, string? scopeValue, string grantedBy,
        string? reason = null, CancellationToken ct = default)
    {
        var existing = await db.RoleAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.PersonId == personId && a.RoleName == roleName
            && a.ScopeType == scopeType && a.ScopeValue == scopeValue && a.RevokedUtc == null, ct);
        if (existing is not null) return ToHolding(existing);
        var assignment = new RoleAssignment
        {
            PersonId = personId, RoleName = roleName, ScopeType = scopeType, ScopeValue = scopeValue,
            GrantedUtc = clock.GetUtcNow().UtcDateTime, GrantedBy = grantedBy, Reason = reason,
        };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return ToHolding(assignment);
    }

    public async Task<bool> RevokeAsync(Guid holdingId, string reason, CancellationToken ct = default) =>
        await db.RoleAssignments.Where(a => a.Id == holdingId && a.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.RevokedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(a => a.Reason, reason), ct) > 0;

    public async Task<RoleHolding?> FindAsync(Guid holdingId, CancellationToken ct = default) =>
        await db.RoleAssignments.AsNoTracking().Where(a => a.Id == holdingId).Select(a => ToHolding(a)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<RoleHolding>> HoldersAsync(string roleName, string? scopeType = null, string? scopeValue = null, CancellationToken ct = default)
    {
        var q = db.RoleAssignments.AsNoTracking().Where(a => a.RoleName == roleName && a.RevokedUtc == null);
        if (scopeType is not null) q = q.Where(a => a.ScopeType == scopeType);
        if (scopeValue is not null) q = q.Where(a => a.ScopeValue == scopeValue);
        return (await q.ToListAsync(ct)).Select(ToHolding).ToList();
    }

    public async Task<IReadOnlyList<RoleHolding>> OfPersonAsync(Guid personId, CancellationToken ct = default) =>
        (await db.RoleAssignments.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(ct)).Select(ToHolding).ToList();

    public async Task<IReadOnlyList<RoleHolding>> OfPeopleAsync(IEnumerable<Guid> personIds, CancellationToken ct = default)
    {
        var holdings = new List<RoleHolding>();
        foreach (var chunk in personIds.Distinct().Chunk(500))
            holdings.AddRange((await db.RoleAssignments.AsNoTracking().Where(a => chunk.Contains(a.PersonId)).ToListAsync(ct)).Select(ToHolding));
        return holdings;
    }

    public async Task<IReadOnlyList<RoleHolding>> OfRolesAsync(IEnumerable<string> roleNames, bool includeRevoked, CancellationToken ct = default)
    {
        var roles = roleNames.Distinct().ToList();
        var q = db.RoleAssignments.AsNoTracking().Where(a => roles.Contains(a.RoleName));
        if (!includeRevoked) q = q.Where(a => a.RevokedUtc == null);
        return (await q.ToListAsync(ct)).Select(ToHolding).ToList();
    }

    private static RoleHolding ToHolding(RoleAssignment a) =>
        new(a.Id, a.PersonId, a.RoleName, a.ScopeType, a.ScopeValue, a.GrantedUtc, a.GrantedBy, a.RevokedUtc, a.Reason);
}
