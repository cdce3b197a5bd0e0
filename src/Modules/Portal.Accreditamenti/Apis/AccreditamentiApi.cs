using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Accreditamenti.Services;
using Portal.Core.Apis;
using Portal.Core.Comuni;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Apis;

public static class AccreditamentiApi
{
    /// <summary>The person's own requests, and the operators of the caller's Comuni.</summary>
    public static void MapAccreditamentiApi(this IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup("/api/v1/accreditamenti").WithTags("Accreditamenti")
            .RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.Request));

        own.MapGet("/", ListOwn).WithSummary("Le proprie richieste di accreditamento per i Comuni, con stato, date e motivi")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        own.MapGet("/{id:guid}", GetOwn).WithSummary("Una propria richiesta di accreditamento")
            .Produces<RequestDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        own.MapPost("/", Request)
            .WithSummary("Chiede l'accreditamento come «Comune (per inserimento graduatorie Borse di studio)» per uno o più Comuni (codici ISTAT)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        endpoints.MapGet("/api/v1/comuni/{istat}/operatori", ComuneOperatorsOf)
            .RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.ViewComuneOperators))
            .WithTags("Accreditamenti").WithSummary("Gli operatori accreditati per un proprio Comune")
            .Produces<List<ComuneOperator>>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<List<RequestDto>>> ListOwn(ClaimsPrincipal user, AccreditationService service, RegionComuni comuni, CancellationToken ct)
    {
        var list = await service.ForPersonAsync(user.GetPersonId()!.Value, ct);
        var names = await comuni.NamesAsync(list.Select(r => r.ComuneIstat), ct);
        return TypedResults.Ok(list.Select(r => RequestDto.From(r, names)).ToList());
    }

    private static async Task<IResult> GetOwn(Guid id, ClaimsPrincipal user, AccreditationService service, RegionComuni comuni, CancellationToken ct)
    {
        var r = await service.FindAsync(id, ct);
        // Another person's request is "not found", not "forbidden": its existence is not disclosed.
        if (r is null || r.PersonId != user.GetPersonId())
            return ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, "Richiesta di accreditamento non trovata.");
        return TypedResults.Ok(RequestDto.From(r, await comuni.NamesAsync([r.ComuneIstat], ct)));
    }

    private static async Task<Created<List<RequestDto>>> Request(
        NewRequestDto body, ClaimsPrincipal user, AccreditationService service, RegionComuni comuni, CancellationToken ct)
    {
        var created = await service.RequestAsync(user.GetPersonId()!.Value, body.Comuni, body.Note, ct);
        var names = await comuni.NamesAsync(created.Select(r => r.ComuneIstat), ct);
        return TypedResults.Created("/api/v1/accreditamenti", created.Select(r => RequestDto.From(r, names)).ToList());
    }

    private static async Task<IResult> ComuneOperatorsOf(string istat, ClaimsPrincipal user, ComuneOperators operators, CancellationToken ct)
    {
        if (!ComuneOperators.MaySee(user, istat))
            return ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, "Non sei accreditato per questo Comune.");
        return TypedResults.Ok(await operators.ListAsync(istat, ct));
    }
}
