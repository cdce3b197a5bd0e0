using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.AuditTrail.Services;
using Portal.Core.Apis;
using Portal.Core.Security;
using Portal.Core.Data;

namespace Portal.AuditTrail.Apis;

public static class RegistroAttivitaApi
{
    public const int PageSize = 100;

    public sealed record AuditDto(DateTime Utc, string Azione, string? Chi, string? Ruolo, string? Oggetto, string? Dettagli, string? Indirizzo);
    public sealed record AuditPageDto(IReadOnlyList<AuditDto> Voci, int Totale, int Pagina);

    public static void MapRegistroAttivitaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/registro-attivita").WithTags("Registro delle attività")
            .MapGet("", List)
            .RequireAuthorization(PermissionPolicy.For(CorePermissions.ViewAudit))
            .WithSummary("Registro delle attività, con gli stessi filtri della pagina di amministrazione (100 voci per pagina)")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<AuditPageDto>> List([AsParameters] AuditFilter filter, int? pagina, AuditQuery audit, CancellationToken ct)
    {
        var page = Math.Max(1, pagina ?? 1);
        var q = audit.Apply(filter);
        var total = await q.CountAsync(ct);
        var items = await q.Skip(Paging.Skip(page, PageSize)).Take(PageSize)
            .Select(a => new AuditDto(a.Utc, a.Action, a.ActorName, a.ActorRole, a.Subject, a.Details, a.IpAddress)).ToListAsync(ct);
        return TypedResults.Ok(new AuditPageDto(items, total, page));
    }
}
