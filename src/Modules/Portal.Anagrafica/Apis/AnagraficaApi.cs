using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Anagrafica.Services;
using Portal.Core.Apis;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Anagrafica.Apis;

public static class AnagraficaApi
{
    public static void MapAnagraficaApi(this IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup("/api/v1/profilo").WithTags("Anagrafica").RequireAuthorization();
        own.MapGet("/", GetOwn).WithSummary("La propria anagrafica (precompilata dall'Indice regionale del welfare finché non è salvata)")
            .Produces<ProfiloDto>().ProducesProblem(StatusCodes.Status404NotFound);
        own.MapPut("/", PutOwn).WithSummary("Salva la propria anagrafica (indicare la versione letta; 0 al primo salvataggio)")
            .Produces<ProfiloDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        endpoints.MapGet("/api/v1/area-personale", GetAreaPersonale).WithTags("Anagrafica").RequireAnagrafica()
            .WithSummary("L'area personale: stato dell'anagrafica e servizi (dopo il primo salvataggio dell'anagrafica)")
            .Produces<AreaPersonaleDto>().ProducesProblem(StatusCodes.Status403Forbidden);

        endpoints.MapGroup("/api/v1/anagrafiche").WithTags("Anagrafica")
            .RequireAuthorization(PermissionPolicy.For(AnagraficaPermissions.ViewAll))
            .MapGet("/{personId:guid}", GetAny).WithSummary("L'anagrafica salvata di una persona (per operatori autorizzati; ogni lettura è registrata)")
            .Produces<ProfiloDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetOwn(ClaimsPrincipal user, AnagraficaService service, CancellationToken ct)
    {
        var personId = user.GetPersonId()!.Value;
        var view = await service.LoadAsync(personId, ct);
        return view is null ? ProblemDetailsItalian.Problem(404, "Persona non trovata.") : TypedResults.Ok(ProfiloDto.From(personId, view));
    }

    private static async Task<IResult> PutOwn(HttpContext http, AnagraficaService service, CancellationToken ct)
    {
        AnagraficaInput? input;
        try { input = await http.Request.ReadFromJsonAsync<AnagraficaInput>(ct); }
        catch (JsonException) { input = null; }
        catch (InvalidOperationException) { input = null; }
        if (input is null) return ProblemDetailsItalian.Problem(400, "Il corpo della richiesta deve essere un oggetto JSON con i campi dell'anagrafica.");
        var personId = http.User.GetPersonId()!.Value;
        var outcome = await service.SaveAsync(personId, input, ct);
        switch (outcome.Status)
        {
            case SaveStatus.Invalid:
                return ProblemDetailsItalian.Validation(outcome.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value }));
            case SaveStatus.Conflict:
                return ProblemDetailsItalian.Problem(409, SaveOutcome.ConflictMessage);
            case SaveStatus.Failed:
                return ProblemDetailsItalian.Problem(503, SaveOutcome.FailedMessage);
        }
        var view = await service.LoadAsync(personId, ct);
        return TypedResults.Ok(ProfiloDto.From(personId, view!));
    }

    private static async Task<IResult> GetAreaPersonale(ClaimsPrincipal user, AnagraficaService service, NavigationRegistry navigation,
        IPermissionService permissions, CancellationToken ct)
    {
        var view = await service.LoadAsync(user.GetPersonId()!.Value, ct);
        var services = new List<ServizioDto>();
        foreach (var entry in navigation.Public)
            if (entry.Permission is null || await permissions.HasPermissionAsync(user, entry.Permission)) services.Add(new ServizioDto(entry.Text, entry.Url));
        return TypedResults.Ok(new AreaPersonaleDto(view!.Compilata, view.FirstSavedUtc, view.LastSavedUtc, services));
    }

    private static async Task<IResult> GetAny(Guid personId, AnagraficaService service, IAuditTrail audit, CancellationToken ct)
    {
        var view = await service.LoadAsync(personId, ct);
        if (view is null || !view.Compilata) return ProblemDetailsItalian.Problem(404, "Nessuna anagrafica salvata per questa persona.");
        await audit.RecordAsync("AccessoDatiPersonali", $"Anagrafica {view.Fixed.CodiceFiscale}", "Lettura tramite API /api/v1/anagrafiche.");
        return TypedResults.Ok(ProfiloDto.From(personId, view));
    }
}
