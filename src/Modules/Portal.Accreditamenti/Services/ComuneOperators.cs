using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Services;

public sealed record ComuneOperator(string Nome, string Cognome, string? Email, DateTime AccreditatoDal);

/// <summary>The operators accredited for a Comune, as an OperatoreComune of that Comune (or an Amministratore) may see them.</summary>
public sealed class ComuneOperators(CoreDbContext core)
{
    /// <summary>An operator only for the Comuni of their active role's scope; the Amministratore for any.</summary>
    public static bool MaySee(ClaimsPrincipal user, string istat) =>
        user.GetActiveRole() == PortalRoles.Amministratore
        || (user.GetActiveRole() == PortalRoles.OperatoreComune && user.HasScope(ScopeTypes.Comune, istat));

    public Task<List<ComuneOperator>> ListAsync(string istat, CancellationToken ct) =>
        (from a in core.RoleAssignments.AsNoTracking()
         join p in core.Persons.AsNoTracking() on a.PersonId equals p.Id
         where a.RoleName == PortalRoles.OperatoreComune && a.ScopeType == ScopeTypes.Comune && a.ScopeValue == istat && a.RevokedUtc == null
         orderby p.Cognome, p.Nome
         select new ComuneOperator(p.Nome, p.Cognome, p.Email, a.GrantedUtc)).ToListAsync(ct);
}
