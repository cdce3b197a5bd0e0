using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Apis;
using Portal.Core.Security;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Apis;

public static class AccreditamentiAdminApi
{
    /// <summary>The Amministratore's handling of accreditation requests and the bulk import.</summary>
    public static void MapAccreditamentiAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin/accreditamenti").WithTags("Accreditamenti – amministrazione")
            .RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.Manage));

        admin.MapGet("/", async (string? stato, string? comune, string? cf, AccreditationService service, RegionComuni comuni, CancellationToken ct) =>
        {
            RequestState? state = null;
            if (!string.IsNullOrWhiteSpace(stato))
            {
                if (!Enum.TryParse<RequestState>(stato.Replace(" ", "", StringComparison.Ordinal), true, out var s) || !Enum.IsDefined(s))
                    return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["stato"] = ["Stato non valido: usare InAttesa, Approvata, Respinta o Revocata."] });
                state = s;
            }
            var list = await service.SearchAsync(new RequestFilter(state, comune, cf), ct);
            var names = await comuni.NamesAsync(list.Select(r => r.ComuneIstat), ct);
            return Results.Ok(list.Select(r => RequestDto.From(r, names)).ToList());
        }).WithSummary("Richieste di accreditamento, filtrabili per stato, Comune (ISTAT) e codice fiscale");

        admin.MapPost("/{id:guid}/approva", (Guid id, ReasonDto? body, HttpContext http, AccreditationService service, CancellationToken ct) =>
            ApiErrors.Run(async () =>
            {
                await service.ApproveAsync(id, body?.Motivo, Actor.Describe(http.User), ct);
                return Results.NoContent();
            })).WithSummary("Approva una richiesta: la persona diventa operatore del Comune");

        admin.MapPost("/{id:guid}/respingi", (Guid id, ReasonDto? body, HttpContext http, AccreditationService service, CancellationToken ct) =>
            ApiErrors.Run(async () =>
            {
                await service.RejectAsync(id, body?.Motivo, Actor.Describe(http.User), ct);
                return Results.NoContent();
            })).WithSummary("Respinge una richiesta (motivo obbligatorio)");

        admin.MapPost("/{id:guid}/revoca", (Guid id, ReasonDto? body, HttpContext http, AccreditationService service, CancellationToken ct) =>
            ApiErrors.Run(async () =>
            {
                await service.RevokeAsync(id, body?.Motivo, Actor.Describe(http.User), ct);
                return Results.NoContent();
            })).WithSummary("Revoca un accreditamento approvato (motivo obbligatorio)");

        admin.MapPost("/importazione", async (HttpRequest request, HttpContext http, OperatorImport import, CancellationToken ct) =>
        {
            if (request.ContentLength > OperatorImport.MaxBytes)
                return ProblemDetailsItalian.Problem(StatusCodes.Status413PayloadTooLarge, "Il file supera i 2 MB.");
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > OperatorImport.MaxBytes)
                return ProblemDetailsItalian.Problem(StatusCodes.Status413PayloadTooLarge, "Il file supera i 2 MB.");
            buffer.Position = 0;
            var summary = await import.ImportAsync(buffer, Actor.Describe(http.User), ct);
            return summary.Riuscita ? Results.Ok(summary)
                : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: ProblemDetailsItalian.Title(422),
                    detail: "Il file contiene errori: nessun dato è stato importato.",
                    extensions: new Dictionary<string, object?> { ["errori"] = summary.Errori });
        }).WithSummary("Importa operatori già accreditati da CSV (codice fiscale; codice ISTAT; nome; cognome; email): tutto o niente");
    }
}
