using Portal.Core.Security;

namespace Portal.Users.Services;

/// <summary>A person's active roles in a line, as the people lists show them ("OperatoreComune (Comune 042002); Editor").</summary>
public static class HoldingsText
{
    public static string Describe(IEnumerable<RoleHolding> holdings) =>
        string.Join("; ", holdings.Where(a => a.RevokedUtc == null)
            .Select(a => a.ScopeType is null ? a.RoleName : $"{a.RoleName} ({a.ScopeType} {a.ScopeValue})")
            .DefaultIfEmpty("Cittadino"));

    public static async Task<IReadOnlyDictionary<Guid, string>> OfPeopleAsync(IRoleAssignments roles, IEnumerable<PersonInfo> people, CancellationToken ct)
    {
        var list = people.ToList();
        var holdings = (await roles.OfPeopleAsync(list.Select(p => p.Id), ct)).ToLookup(h => h.PersonId);
        return list.ToDictionary(p => p.Id, p => Describe(holdings[p.Id]));
    }
}
