using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

        api.MapGet("/enti", async (RegistryService registry, CancellationToken ct) =>
            TypedResults.Ok((await registry.EntiAsync(ct)).Select(ToDto).ToList())).WithSummary("Enti gestori");
        api.MapPost("/enti", (EnteDto body, RegistryService registry, CancellationToken ct) => ApiErrors.Run(async () =>
        {
            var e = await registry.SaveEnteAsync(null, new EnteInput(body.Codice, body.Denominazione, body.CodiceFiscale, body.Email, body.Attivo), ct);
            return Results.Created($"/api/v1/admin/enti/{e.Code}", ToDto(e));
        })).WithSummary("Aggiunge un ente gestore");
        api.MapPut("/enti/{code}", (string code, EnteDto body, RegistryService registry, CancellationToken ct) => ApiErrors.Run(async () =>
            Results.Ok(ToDto(await registry.SaveEnteAsync(code, new EnteInput(code, body.Denominazione, body.CodiceFiscale, body.Email, body.Attivo), ct)))))
            .WithSummary("Modifica un ente gestore (il codice non cambia)");

        api.MapGet("/cpi", async (RegistryService registry, CancellationToken ct) =>
            TypedResults.Ok((await registry.CpiAsync(ct)).Select(ToDto).ToList())).WithSummary("Centri per l'Impiego");
        api.MapPost("/cpi", (CpiDto body, RegistryService registry, CancellationToken ct) => ApiErrors.Run(async () =>
        {
            var c = await registry.SaveCpiAsync(null, new CpiInput(body.Codice, body.Nome, body.Provincia, body.Attivo), ct);
            return Results.Created($"/api/v1/admin/cpi/{c.Code}", ToDto(c));
        })).WithSummary("Aggiunge un Centro per l'Impiego");
        api.MapPut("/cpi/{code}", (string code, CpiDto body, RegistryService registry, CancellationToken ct) => ApiErrors.Run(async () =>
            Results.Ok(ToDto(await registry.SaveCpiAsync(code, new CpiInput(code, body.Nome, body.Provincia, body.Attivo), ct)))))
            .WithSummary("Modifica un Centro per l'Impiego (il codice non cambia)");

        api.MapGet("/abilitazioni", async (string? ruolo, bool? soloAttive, EnablementService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ruolo, soloAttive ?? false, ct)).Select(EnablementDto.From).ToList()))
            .WithSummary("Operatori degli enti, dei CPI e funzionari abilitati (ruolo: OperatoreEnte, OperatoreCpi, Funzionario)");
        api.MapPost("/abilitazioni", (EnablementInput body, HttpContext http, EnablementService service, CancellationToken ct) => ApiErrors.Run(async () =>
        {
            if (!Enum.IsDefined(body.Tipo))
                return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Tipo"] = ["Tipo non valido: Ente, Cpi o Funzionario."] });
            var row = await service.EnableAsync(body, Actor.Describe(http.User), ct);
            return Results.Created($"/api/v1/admin/abilitazioni/{row.AssignmentId}", EnablementDto.From(row));
        })).WithSummary("Abilita un operatore di un ente (Tipo Ente, Ambito = codice ente), di un CPI (Tipo Cpi) o un funzionario");
        api.MapPost("/abilitazioni/{id:guid}/disabilita", (Guid id, ReasonDto? body, HttpContext http, EnablementService service, CancellationToken ct) =>
            ApiErrors.Run(async () =>
            {
                await service.DisableAsync(id, body?.Motivo, Actor.Describe(http.User), ct);
                return Results.NoContent();
            })).WithSummary("Disabilita un operatore o funzionario (motivo obbligatorio)");
    }

    private static EnteDto ToDto(EnteGestore e) => new(e.Code, e.Denominazione, e.CodiceFiscale, e.Email, e.Active);

    private static CpiDto ToDto(CentroImpiego c) => new(c.Code, c.Nome, c.SiglaProvincia, c.Active);
}
