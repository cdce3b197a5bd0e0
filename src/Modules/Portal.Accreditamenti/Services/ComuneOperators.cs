using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Services;

public sealed record ComuneOperator(string Nome, string Cognome, string? Email, DateTime AccreditatoDal);

/// <summary>The operators accredited for a Comune, as an OperatoreComune of that Comune (or an Amministratore) may see them.</summary>
public sealed class ComuneOperators(IRoleAssignments roles, IPeople people)
{
    /// <summary>An operator only for the Comuni of their active role's scope; the Amministratore for any.</summary>
    public static bool MaySee(ClaimsPrincipal user, string istat) =>
        user.GetActiveRole() == PortalRoles.Amministratore
        || (user.GetActiveRole() == PortalRoles.OperatoreComune && user.HasScope(ScopeTypes.Comune, istat));

    public async Task<List<ComuneOperator>> ListAsync(string istat, CancellationToken ct)
    {
        var holders = await roles.HoldersAsync(PortalRoles.OperatoreComune, ScopeTypes.Comune, istat, ct);
        var persons = await people.FindManyAsync(holders.Select(a => a.PersonId), ct);
        return holders.Where(a => persons.ContainsKey(a.PersonId))
            .Select(a => (a, p: persons[a.PersonId]))
            .OrderBy(x => x.p.Cognome, StringComparer.Ordinal).ThenBy(x => x.p.Nome, StringComparer.Ordinal)
            .Select(x => new ComuneOperator(x.p.Nome, x.p.Cognome, x.p.Email, x.a.GrantedUtc)).ToList();
    }
}
