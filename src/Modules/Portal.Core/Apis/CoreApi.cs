using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Core.Apis;

public static class CoreApi
{
    public sealed record SessionDto(Guid PersonId, string CodiceFiscale, string Nome, string? Ruolo, IReadOnlyList<string> Ambiti);
    public sealed record ComuneDto(string CodiceIstat, string Nome, string SiglaProvincia, string CodiceCatastale);

    public static void MapCoreApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Sessione e anagrafiche di base");

        api.MapGet("/sessione", (HttpContext http) =>
        {
            var u = http.User;
            return TypedResults.Ok(new SessionDto(u.GetPersonId()!.Value, u.FindFirst(PortalClaims.CodiceFiscale)!.Value,
                u.Identity!.Name!, u.GetActiveRole(), u.FindAll(PortalClaims.Scope).Select(c => c.Value).ToList()));
        }).RequireAuthorization().WithSummary("La sessione corrente: persona, ruolo attivo e ambiti");

        api.MapGet("/comuni", async (string? provincia, string? q, CoreDbContext db, CancellationToken ct) =>
        {
            var query = db.Comuni.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(provincia)) query = query.Where(c => c.SiglaProvincia == provincia.ToUpperInvariant());
            if (!string.IsNullOrWhiteSpace(q)) query = query.Where(c => c.Nome.ToLower().Contains(q.ToLower()));
            var list = await query.OrderBy(c => c.Nome).Take(500)
                .Select(c => new ComuneDto(c.CodiceIstat, c.Nome, c.SiglaProvincia, c.CodiceCatastale)).ToListAsync(ct);
            return TypedResults.Ok(list);
        }).AllowAnonymous().WithSummary("Comuni (ISTAT), filtrabili per provincia e nome");

    }
}
