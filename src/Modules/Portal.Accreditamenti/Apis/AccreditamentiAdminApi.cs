using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Apis;
using Portal.Core.Comuni;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Apis;

public static class AccreditamentiAdminApi
{
    /// <summary>The Amministratore's handling of accreditation requests and the bulk import.</summary>
    public static void MapAccreditamentiAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin/accreditamenti").WithTags("Accreditamenti – amministrazione")
            .RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.Manage));

        admin.MapGet("/", Search).WithSummary("Richieste di accreditamento, filtrabili per stato, Comune (ISTAT) e codice fiscale")
            .Produces<List<RequestDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/{id:guid}/approva", Approve).WithSummary("Approva una richiesta: la persona diventa operatore del Comune")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/respingi", Reject).WithSummary("Respinge una richiesta (motivo obbligatorio)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/revoca", Revoke).WithSummary("Revoca un accreditamento approvato (motivo obbligatorio)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/importazione", Import)
            .WithSummary("Importa operatori già accreditati da CSV (codice fiscale; codice ISTAT; nome; cognome; email): tutto o niente")
            .Produces<ImportSummary>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> Search(string? stato, string? comune, string? cf, AccreditationService service, RegionComuni comuni, CancellationToken ct)
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
        return TypedResults.Ok(list.Select(r => RequestDto.From(r, names)).ToList());
    }

    private static async Task<NoContent> Approve(Guid id, ReasonDto? body, ClaimsPrincipal user, AccreditationService service, CancellationToken ct)
    {
        await service.ApproveAsync(id, body?.Motivo, Actor.Describe(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Reject(Guid id, ReasonDto? body, ClaimsPrincipal user, AccreditationService service, CancellationToken ct)
    {
        await service.RejectAsync(id, body?.Motivo, Actor.Describe(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Revoke(Guid id, ReasonDto? body, ClaimsPrincipal user, AccreditationService service, CancellationToken ct)
    {
        await service.RevokeAsync(id, body?.Motivo, Actor.Describe(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Import(HttpRequest request, ClaimsPrincipal user, OperatorImport import, CancellationToken ct)
    {
        // The body is the CSV file itself: only as text/csv (a type no other site's form can send).
        if (!(request.ContentType ?? "").StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            return ProblemDetailsItalian.Problem(StatusCodes.Status415UnsupportedMediaType,
                "Inviare il file CSV degli operatori con Content-Type text/csv (UTF-8, separatore «;»).");
        if (request.ContentLength > OperatorImport.MaxBytes)
            return ProblemDetailsItalian.Problem(StatusCodes.Status413PayloadTooLarge, "Il file supera i 2 MB.");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > OperatorImport.MaxBytes)
            return ProblemDetailsItalian.Problem(StatusCodes.Status413PayloadTooLarge, "Il file supera i 2 MB.");
        buffer.Position = 0;
        var summary = await import.ImportAsync(buffer, Actor.Describe(user), ct);
        return summary.Riuscita ? TypedResults.Ok(summary)
            : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: ProblemDetailsItalian.Title(422),
                detail: "Il file contiene errori: nessun dato è stato importato.",
                extensions: new Dictionary<string, object?> { ["errori"] = summary.Errori });
    }
}
