using Portal.Core.Apis;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Apis;

/// <summary>
/// The Comuni's side under /api/v1/graduatorie: template, dry run, upload, confirm/cancel, history, valid list and
/// downloads. Refusals are <see cref="PortalException"/>s, turned into problem details by the host.
/// </summary>
public static class GraduatorieApi
{
    public static void MapGraduatorieApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/graduatorie").WithTags("Graduatorie dei Comuni").RequireAuthorization();
        var upload = api.MapGroup("/").RequireAuthorization(PermissionPolicy.For(GraduatoriePermissions.Upload))
            // Multipart bodies from the API: the session cookie is SameSite=Lax, so no cross-site form can carry it.
            .DisableAntiforgery();

        upload.MapGet("/finestre/{finestraId:guid}/modello", Template)
            .WithSummary("Scarica il modello Excel aggiornato per la finestra")
            .Produces(StatusCodes.Status200OK, contentType: InvioDownloads.XlsxType).Problems(403, 404, 409);
        upload.MapPost("/finestre/{finestraId:guid}/comuni/{comune}/verifica", DryRun)
            .WithSummary("Verifica senza inviare: stessa validazione dell'invio, nessun invio viene registrato").Problems(400, 403, 404, 429);
        upload.MapPost("/finestre/{finestraId:guid}/comuni/{comune}/invii", Upload)
            .WithSummary("Carica l'elenco (solo a finestra aperta): esito accettato, con avvisi o respinto").Problems(400, 403, 404, 409);
        upload.MapPost("/invii/{id:guid}/conferma", Confirm)
            .WithSummary("Conferma un invio con avvisi: diventa l'elenco valido del Comune").Problems(403, 404, 409);
        upload.MapPost("/invii/{id:guid}/annulla", Cancel)
            .WithSummary("Annulla un invio con avvisi: l'elenco valido non cambia").Problems(403, 404, 409);

        api.MapGet("/invii/{id:guid}", GetInvio).WithSummary("Un invio con le sue segnalazioni").Problems(403, 404);
        api.MapGet("/finestre/{finestraId:guid}/comuni/{comune}/invii", History)
            .WithSummary("Storico degli invii del Comune per la finestra, dal più recente").Problems(403, 404);
        api.MapGet("/finestre/{finestraId:guid}/comuni/{comune}/elenco-valido", ValidList)
            .WithSummary("L'elenco valido attuale del Comune per la finestra, con le righe").Problems(403, 404);
        api.MapGet("/invii/{id:guid}/ricevuta", Receipt)
            .WithSummary("Ricevuta PDF dell'invio accettato: protocollo, Comune, operatore, file e impronta SHA-256")
            .Produces(StatusCodes.Status200OK, contentType: InvioDownloads.PdfType).Problems(403, 404);
        api.MapGet("/invii/{id:guid}/file-segnalato", ErrorWorkbook)
            .WithSummary("Il file caricato con le celle errate in rosso, gli avvisi in giallo e la colonna SEGNALAZIONI")
            .Produces(StatusCodes.Status200OK, contentType: InvioDownloads.XlsxType).Problems(403, 404, 409);
    }

    private static async Task<FileContentHttpResult> Template(Guid finestraId, InvioDownloads downloads, CancellationToken ct) =>
        TypedResults.File(await downloads.TemplateAsync(finestraId, ct), InvioDownloads.XlsxType, "modello-elenco-borse-di-studio.xlsx");

    private static async Task<Ok<VerificaDto>> DryRun(Guid finestraId, string comune, IFormFile? file, GraduatorieService service,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await service.DryRunAsync(user, finestraId, comune, await ReadAsync(file, ct), ct);
        return TypedResults.Ok(new VerificaDto(ValidationResult.Label(result.Esito), result.Rows.Count, result.Issues.Select(SegnalazioneDto.From).ToList()));
    }

    private static async Task<Created<InvioDto>> Upload(Guid finestraId, string comune, IFormFile? file, GraduatorieService service,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await service.UploadAsync(user, finestraId, comune, await ReadAsync(file, ct), ct);
        return TypedResults.Created($"/api/v1/graduatorie/invii/{outcome.Invio.Id}", InvioDto.From(outcome.Invio, outcome.Issues.Select(SegnalazioneDto.From)));
    }

    private static async Task<Ok<InvioDto>> Confirm(Guid id, GraduatorieService service, InvioQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await WithRicevutaAsync(queries, await service.ConfirmAsync(user, id, ct), null, ct));

    private static async Task<Ok<InvioDto>> Cancel(Guid id, GraduatorieService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(InvioDto.From(await service.CancelAsync(user, id, ct)));

    private static async Task<Ok<InvioDto>> GetInvio(Guid id, InvioQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var invio = await queries.GetAsync(user, id, ct);
        return TypedResults.Ok(await WithRicevutaAsync(queries, invio, invio.Segnalazioni.Select(SegnalazioneDto.From), ct));
    }

    private static async Task<Ok<List<InvioDto>>> History(Guid finestraId, string comune, InvioQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var history = await queries.HistoryAsync(user, finestraId, comune, ct);
        var ricevute = await queries.RicevuteAsync(history.Select(i => i.Id), ct);
        return TypedResults.Ok(history.Select(i => InvioDto.From(i, null, ricevute.GetValueOrDefault(i.Id))).ToList());
    }

    private static async Task<Ok<ElencoValidoDto>> ValidList(Guid finestraId, string comune, InvioQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.ValidListAsync(user, finestraId, comune, ct) is { } valid
            ? TypedResults.Ok(new ElencoValidoDto(InvioDto.From(valid.Invio), valid.Righe.Select(RigaDto.From).ToList()))
            : throw PortalException.NotFound($"Il Comune {comune} non ha ancora un elenco valido per questa finestra.");

    private static async Task<FileContentHttpResult> Receipt(Guid id, InvioDownloads downloads, ClaimsPrincipal user, CancellationToken ct)
    {
        var pdf = await downloads.ReceiptPdfAsync(user, id, ct);
        return TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName);
    }

    private static async Task<FileContentHttpResult> ErrorWorkbook(Guid id, InvioDownloads downloads, ClaimsPrincipal user, CancellationToken ct)
    {
        var workbook = await downloads.ErrorWorkbookAsync(user, id, ct);
        return TypedResults.File(workbook.Content, workbook.ContentType, workbook.FileName);
    }

    private static async Task<InvioDto> WithRicevutaAsync(InvioQueries queries, Invio invio, IEnumerable<SegnalazioneDto>? segnalazioni, CancellationToken ct) =>
        InvioDto.From(invio, segnalazioni, (await queries.RicevuteAsync([invio.Id], ct)).GetValueOrDefault(invio.Id));

    private static Task<UploadedFile> ReadAsync(IFormFile? file, CancellationToken ct) => UploadedFile.ReadAsync(file, "file", ct);
}
