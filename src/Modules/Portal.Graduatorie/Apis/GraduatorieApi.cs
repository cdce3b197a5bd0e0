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
    private const string XlsxType = GraduatorieService.XlsxType;

    public static void MapGraduatorieApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/graduatorie").WithTags("Graduatorie dei Comuni")
            .RequireAuthorization().AddEndpointFilter(GraduatorieApiErrors.TranslateAsync);
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
            Results.Ok(await WithRicevutaAsync(s, await s.ConfirmAsync(u, id, ct), null, ct)))
            .WithSummary("Conferma un invio con avvisi: diventa l'elenco valido del Comune");
        upload.MapPost("/invii/{id:guid}/annulla", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            Results.Ok(InvioDto.From(await s.CancelAsync(u, id, ct))))
            .WithSummary("Annulla un invio con avvisi: l'elenco valido non cambia");

        api.MapGet("/invii/{id:guid}", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var invio = await s.GetAsync(u, id, ct);
                return Results.Ok(await WithRicevutaAsync(s, invio, invio.Segnalazioni.Select(SegnalazioneDto.From), ct));
            })
            .WithSummary("Un invio con le sue segnalazioni");
        api.MapGet("/finestre/{finestraId:guid}/comuni/{comune}/invii", async (Guid finestraId, string comune, GraduatorieService s,
                ClaimsPrincipal u, CancellationToken ct) =>
            {
                var history = await s.HistoryAsync(u, finestraId, comune, ct);
                var ricevute = await s.RicevuteAsync(history.Select(i => i.Id), ct);
                return Results.Ok(history.Select(i => InvioDto.From(i, null, ricevute.GetValueOrDefault(i.Id))).ToList());
            })
            .WithSummary("Storico degli invii del Comune per la finestra, dal più recente");
        api.MapGet("/finestre/{finestraId:guid}/comuni/{comune}/elenco-valido", async (Guid finestraId, string comune, GraduatorieService s,
                ClaimsPrincipal u, CancellationToken ct) =>
            await s.ValidListAsync(u, finestraId, comune, ct) is { } valid
                ? Results.Ok(new ElencoValidoDto(InvioDto.From(valid.Invio), valid.Righe.Select(RigaDto.From).ToList()))
                : ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, $"Il Comune {comune} non ha ancora un elenco valido per questa finestra."))
            .WithSummary("L'elenco valido attuale del Comune per la finestra, con le righe");
        api.MapGet("/invii/{id:guid}/ricevuta", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var pdf = await s.ReceiptPdfAsync(u, id, ct);
                return Results.File(pdf.Content, pdf.ContentType, pdf.FileName);
            })
            .WithSummary("Ricevuta PDF dell'invio accettato: protocollo, Comune, operatore, file e impronta SHA-256")
            .Produces(StatusCodes.Status200OK, contentType: GraduatorieService.PdfType);
        api.MapGet("/invii/{id:guid}/file-segnalato", async (Guid id, GraduatorieService s, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var workbook = await s.ErrorWorkbookAsync(u, id, ct);
                return Results.File(workbook.Content, workbook.ContentType, workbook.FileName);
            })
            .WithSummary("Il file caricato con le celle errate in rosso, gli avvisi in giallo e la colonna SEGNALAZIONI")
            .Produces(StatusCodes.Status200OK, contentType: GraduatorieService.XlsxType);
    }

    private static async Task<InvioDto> WithRicevutaAsync(GraduatorieService s, Data.Invio invio, IEnumerable<SegnalazioneDto>? segnalazioni, CancellationToken ct) =>
        InvioDto.From(invio, segnalazioni, (await s.RicevuteAsync([invio.Id], ct)).GetValueOrDefault(invio.Id));

    private static Task<UploadedFile> ReadAsync(IFormFile? file, CancellationToken ct) => UploadedFileReader.ReadAsync(file, "file", ct);
}
