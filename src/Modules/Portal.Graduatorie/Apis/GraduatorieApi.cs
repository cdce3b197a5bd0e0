using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Apis;
using Portal.Core.Security;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Apis;

public static class GraduatorieApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapGraduatorieApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/graduatorie").WithTags("Graduatorie dei Comuni")
            .RequireAuthorization().AddEndpointFilter(TranslateErrors);
        var upload = api.MapGroup("/").RequireAuthorization(PermissionPolicy.For(GraduatoriePermissions.Upload))
            // Multipart bodies from the API: the session cookie is SameSite=Lax, so no cross-site form can carry it.
            .DisableAntiforgery();

        upload.MapGet("/finestre/{finestraId:guid}/modello", async (Guid finestraId, GraduatorieService s, CancellationToken ct) =>
            Results.File(await s.TemplateAsync(finestraId, ct), XlsxType, "modello-elenco-borse-di-studio.xlsx"))
            .WithSummary("Scarica il modello Excel aggiornato per la finestra");
        upload.MapPost("/finestre/{finestraId:guid}/comuni/{comune}/verifica", async (Guid finestraId, string comune, IFormFile? file,
                GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var result = await s.DryRunAsync(u, finestraId, comune, await ReadAsync(file, ct), ct);
                return Results.Ok(new VerificaDto(ValidationResult.Label(result.Esito), result.Rows.Count, result.Issues.Select(SegnalazioneDto.From).ToList()));
            })
            .WithSummary("Verifica senza inviare: stessa validazione dell'invio, nulla viene registrato");
        upload.MapPost("/finestre/{finestraId:guid}/comuni/{comune}/invii", async (Guid finestraId, string comune, IFormFile? file,
                GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var outcome = await s.UploadAsync(u, finestraId, comune, await ReadAsync(file, ct), ct);
                return Results.Created($"/api/v1/graduatorie/invii/{outcome.Invio.Id}",
                    InvioDto.From(outcome.Invio, outcome.Issues.Select(SegnalazioneDto.From)));
            })
            .WithSummary("Carica l'elenco (solo a finestra aperta): esito accettato, con avvisi o respinto");
        upload.MapPost("/invii/{id:guid}/conferma", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            Results.Ok(InvioDto.From(await s.ConfirmAsync(u, id, ct))))
            .WithSummary("Conferma un invio con avvisi: diventa l'elenco valido del Comune");
        upload.MapPost("/invii/{id:guid}/annulla", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            Results.Ok(InvioDto.From(await s.CancelAsync(u, id, ct))))
            .WithSummary("Annulla un invio con avvisi: l'elenco valido non cambia");

        api.MapGet("/invii/{id:guid}", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var invio = await s.GetAsync(u, id, ct);
                return Results.Ok(InvioDto.From(invio, invio.Segnalazioni.Select(SegnalazioneDto.From)));
            })
            .WithSummary("Un invio con le sue segnalazioni");
        api.MapGet("/finestre/{finestraId:guid}/comuni/{comune}/invii", async (Guid finestraId, string comune, GraduatorieService s,
                ClaimsPrincipal u, CancellationToken ct) =>
            Results.Ok((await s.HistoryAsync(u, finestraId, comune, ct)).Select(i => InvioDto.From(i)).ToList()))
            .WithSummary("Storico degli invii del Comune per la finestra, dal più recente");
        api.MapGet("/finestre/{finestraId:guid}/comuni/{comune}/elenco-valido", async (Guid finestraId, string comune, GraduatorieService s,
                ClaimsPrincipal u, CancellationToken ct) =>
            await s.ValidListAsync(u, finestraId, comune, ct) is { } valid
                ? Results.Ok(new ElencoValidoDto(InvioDto.From(valid.Invio), valid.Righe.Select(RigaDto.From).ToList()))
                : ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, $"Il Comune {comune} non ha ancora un elenco valido per questa finestra."))
            .WithSummary("L'elenco valido attuale del Comune per la finestra, con le righe");
    }

    private static Task<UploadedFile> ReadAsync(IFormFile? file, CancellationToken ct) => UploadedFileReader.ReadAsync(file, "file", ct);

    private static async ValueTask<object?> TranslateErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (GraduatorieInputException e)
        {
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
        catch (GraduatorieForbiddenException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (GraduatorieNotFoundException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, e.Message);
        }
        catch (GraduatorieConflictException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status409Conflict, e.Message);
        }
    }
}
