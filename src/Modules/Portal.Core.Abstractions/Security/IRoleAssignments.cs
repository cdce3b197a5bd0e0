namespace Portal.Core.Security;

/// <summary>A role held by a person, limited to a scope or not; <see cref="RevokedUtc"/> set once revoked.</summary>
public sealed record RoleHolding(
    Guid Id, Guid PersonId, string RoleName, string? ScopeType, string? ScopeValue,
    DateTime GrantedUtc, string? GrantedBy, DateTime? RevokedUtc, string? Reason);

/// <summary>Who holds which role where. Implemented by Portal.Core; grants and revocations join the current unit of work.</summary>
public interface IRoleAssignments
{
    /// <summary>Grants the role (in the scope); when the person already holds it there, returns that holding.</summary>
    Task<RoleHolding> GrantAsync(Guid personId, string roleName, string? scopeType, string? scopeValue, string grantedBy,
        string? reason = null, CancellationToken ct = default);

    /// <summary>Revokes the holding; false when it does not exist or was already revoked.</summary>
    Task<bool> RevokeAsync(Guid holdingId, string reason, CancellationToken ct = default);

    Task<RoleHolding?> FindAsync(Guid holdingId, CancellationToken ct = default);

    /// <summary>Active holdings of the role, optionally in one scope type and value.</summary>
    Task<IReadOnlyList<RoleHolding>> HoldersAsync(string roleName, string? scopeType = null, string? scopeValue = null, CancellationToken ct = default);

    /// <summary>Every holding of the person, active and revoked.</summary>
    Task<IReadOnlyList<RoleHolding>> OfPersonAsync(Guid personId, CancellationToken ct = default);

    /// <summary>Every holding of these people, active and revoked (for lists: asked in chunks).</summary>
    Task<IReadOnlyList<RoleHolding>> OfPeopleAsync(IEnumerable<Guid> personIds, CancellationToken ct = default);

    /// <summary>The holdings of any of these roles, whoever holds them; revoked ones too when <paramref name="includeRevoked"/>.</summary>
    Task<IReadOnlyList<RoleHolding>> OfRolesAsync(IEnumerable<string> roleNames, bool includeRevoked, CancellationToken ct = default);
}
