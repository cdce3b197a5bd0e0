using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Apis;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Apis;

public static class EnablementApi
{
    /// <summary>Enti gestori, CPI, and the enablement of their operators and of Funzionari.</summary>
    public static void MapEnablementApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/admin").WithTags("Enti, CPI e abilitazioni")
            .RequireAuthorization(PermissionPolicy.For(AccreditamentiPermissions.ManageOperators));

        api.MapGet("/enti", ListEnti).WithSummary("Enti gestori").ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/enti", CreateEnte).WithSummary("Aggiunge un ente gestore")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/enti/{code}", UpdateEnte).WithSummary("Modifica un ente gestore (il codice non cambia)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cpi", ListCpi).WithSummary("Centri per l'Impiego").ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/cpi", CreateCpi).WithSummary("Aggiunge un Centro per l'Impiego")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/cpi/{code}", UpdateCpi).WithSummary("Modifica un Centro per l'Impiego (il codice non cambia)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/abilitazioni", ListEnablements)
            .WithSummary("Operatori degli enti, dei CPI e funzionari abilitati (ruolo: OperatoreEnte, OperatoreCpi, Funzionario)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/abilitazioni", Enable)
            .WithSummary("Abilita un operatore di un ente (Tipo Ente, Ambito = codice ente), di un CPI (Tipo Cpi) o un funzionario")
            .Produces<EnablementDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/abilitazioni/{id:guid}/disabilita", Disable).WithSummary("Disabilita un operatore o funzionario (motivo obbligatorio)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<EnteDto>>> ListEnti(RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok((await registry.EntiAsync(ct)).Select(ToDto).ToList());

    private static async Task<Created<EnteDto>> CreateEnte(EnteDto body, RegistryService registry, CancellationToken ct)
    {
        var e = await registry.SaveEnteAsync(null, new EnteInput(body.Codice, body.Denominazione, body.CodiceFiscale, body.Email, body.Attivo), ct);
        return TypedResults.Created($"/api/v1/admin/enti/{e.Code}", ToDto(e));
    }

    private static async Task<Ok<EnteDto>> UpdateEnte(string code, EnteDto body, RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await registry.SaveEnteAsync(code, new EnteInput(code, body.Denominazione, body.CodiceFiscale, body.Email, body.Attivo), ct)));

    private static async Task<Ok<List<CpiDto>>> ListCpi(RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok((await registry.CpiAsync(ct)).Select(ToDto).ToList());

    private static async Task<Created<CpiDto>> CreateCpi(CpiDto body, RegistryService registry, CancellationToken ct)
    {
        var c = await registry.SaveCpiAsync(null, new CpiInput(body.Codice, body.Nome, body.Provincia, body.Attivo), ct);
        return TypedResults.Created($"/api/v1/admin/cpi/{c.Code}", ToDto(c));
    }

    private static async Task<Ok<CpiDto>> UpdateCpi(string code, CpiDto body, RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await registry.SaveCpiAsync(code, new CpiInput(code, body.Nome, body.Provincia, body.Attivo), ct)));

    private static async Task<Ok<List<EnablementDto>>> ListEnablements(string? ruolo, bool? soloAttive, EnablementService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(ruolo, soloAttive ?? false, ct)).Select(EnablementDto.From).ToList());

    private static async Task<IResult> Enable(EnablementInput body, ClaimsPrincipal user, EnablementService service, CancellationToken ct)
    {
        if (!Enum.IsDefined(body.Tipo))
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Tipo"] = ["Tipo non valido: Ente, Cpi o Funzionario."] });
        var row = await service.EnableAsync(body, Actor.Describe(user), ct);
        return TypedResults.Created($"/api/v1/admin/abilitazioni/{row.AssignmentId}", EnablementDto.From(row));
    }

    private static async Task<NoContent> Disable(Guid id, ReasonDto? body, ClaimsPrincipal user, EnablementService service, CancellationToken ct)
    {
        await service.DisableAsync(id, body?.Motivo, Actor.Describe(user), ct);
        return TypedResults.NoContent();
    }

    private static EnteDto ToDto(EnteGestore e) => new(e.Code, e.Denominazione, e.CodiceFiscale, e.Email, e.Active);

    private static CpiDto ToDto(CentroImpiego c) => new(c.Code, c.Nome, c.SiglaProvincia, c.Active);
}
