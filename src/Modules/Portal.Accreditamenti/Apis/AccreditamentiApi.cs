using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Accreditamenti.Services;
using Portal.Core.Apis;
using Portal.Core.Security;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Apis;

public static class AccreditamentiApi
{
    /// <summary>The person's own requests, and the operators of the caller's Comuni.</summary>
    public static void MapAccreditamentiApi(this IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup("/api/v1/accreditamenti").WithTags("Accreditamenti")
            .RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.Request));

        own.MapGet("/", async (HttpContext http, AccreditationService service, RegionComuni comuni, CancellationToken ct) =>
        {
            var list = await service.ForPersonAsync(http.User.GetPersonId()!.Value, ct);
            var names = await comuni.NamesAsync(list.Select(r => r.ComuneIstat), ct);
            return TypedResults.Ok(list.Select(r => RequestDto.From(r, names)).ToList());
        }).WithSummary("Le proprie richieste di accreditamento per i Comuni, con stato, date e motivi");

        own.MapGet("/{id:guid}", async (Guid id, HttpContext http, AccreditationService service, RegionComuni comuni, CancellationToken ct) =>
        {
            var r = await service.FindAsync(id, ct);
            // Another person's request is "not found", not "forbidden": its existence is not disclosed.
            if (r is null || r.PersonId != http.User.GetPersonId())
                return ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, "Richiesta di accreditamento non trovata.");
            return Results.Ok(RequestDto.From(r, await comuni.NamesAsync([r.ComuneIstat], ct)));
        }).WithSummary("Una propria richiesta di accreditamento");

        own.MapPost("/", (NewRequestDto body, HttpContext http, AccreditationService service, RegionComuni comuni, CancellationToken ct) =>
            ApiErrors.Run(async () =>
            {
                var created = await service.RequestAsync(http.User.GetPersonId()!.Value, body.Comuni, body.Note, ct);
                var names = await comuni.NamesAsync(created.Select(r => r.ComuneIstat), ct);
                return Results.Created("/api/v1/accreditamenti", created.Select(r => RequestDto.From(r, names)).ToList());
            })).WithSummary("Chiede l'accreditamento come «Comune (per inserimento graduatorie Borse di studio)» per uno o più Comuni (codici ISTAT)");

        endpoints.MapGet("/api/v1/comuni/{istat}/operatori", async (string istat, HttpContext http, ComuneOperators operators, CancellationToken ct) =>
        {
            if (!ComuneOperators.MaySee(http.User, istat))
                return ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, "Non sei accreditato per questo Comune.");
            return Results.Ok(await operators.ListAsync(istat, ct));
        }).RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.ViewComuneOperators))
          .WithTags("Accreditamenti").WithSummary("Gli operatori accreditati per un proprio Comune");
    }
}
