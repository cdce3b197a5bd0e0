using Portal.Core.Labels;
using Portal.Core.Security;

namespace Portal.Users.Services;

/// <summary>A person's active roles in a line, in words, as the people lists show them ("Operatore del Comune (Comune 042002); Redazione").</summary>
public static class HoldingsText
{
    public static string Describe(IEnumerable<RoleHolding> holdings, IReadOnlyDictionary<string, string> roleNames) =>
        string.Join("; ", holdings.Where(a => a.RevokedUtc == null)
            .Select(a => (Name: roleNames.GetValueOrDefault(a.RoleName, a.RoleName), a.ScopeType, a.ScopeValue))
            .Select(a => a.ScopeType is null ? a.Name : $"{a.Name} ({a.ScopeType} {a.ScopeValue})")
            .DefaultIfEmpty(roleNames.GetValueOrDefault(PortalRoles.Cittadino, "Cittadino")));

    public static async Task<IReadOnlyDictionary<Guid, string>> OfPeopleAsync(IRoleAssignments roles, ILabels labels, IEnumerable<PersonInfo> people, CancellationToken ct)
    {
        var list = people.ToList();
        var holdings = (await roles.OfPeopleAsync(list.Select(p => p.Id), ct)).ToLookup(h => h.PersonId);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in holdings.SelectMany(h => h).Select(h => h.RoleName).Append(PortalRoles.Cittadino).Distinct())
            names[role] = await labels.RoleAsync(role, ct);
        return list.ToDictionary(p => p.Id, p => Describe(holdings[p.Id], names));
    }
}
