using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Did.Services;

namespace Portal.Did.Apis;

/// <summary>
/// D.I.D. On Line under /api/v1/did: the person's situation and DIDs, and the OperatoreCpi's side under /cpi (only their
/// CPI's DIDs: another CPI's are not found). Refusals are <see cref="PortalException"/>s, problem details in Italian.
/// </summary>
public static class DidApi
{
    public static void MapDidApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/did").WithTags("D.I.D. On Line").RequireAuthorization();
        var person = api.MapGroup("/").RequireAuthorization(PermissionPolicy.For(DidPermissions.Send));
        person.MapGet("/situazione", Situazione)
            .WithSummary("Situazione occupazionale, CPI competente e D.I.D. inviate; se si può inviare una nuova D.I.D. e perché no").Problems(403);
        person.MapGet("/dichiarazioni", List).WithSummary("Le proprie D.I.D., dalla più recente").Problems(403);
        person.MapPost("/dichiarazioni", Send)
            .WithSummary("Invia una D.I.D. (dichiarazioni obbligatorie tutte vere); l'intestazione Idempotency-Key rende l'invio ripetibile senza duplicati")
            .Problems(400, 403, 409);
        person.MapGet("/dichiarazioni/{id:guid}", Get).WithSummary("Dettaglio di una propria D.I.D.: dichiarazioni come inviate e passaggi di stato").Problems(403, 404);
        person.MapGet("/dichiarazioni/{id:guid}/ricevuta", Receipt)
            .WithSummary("Ricevuta PDF della D.I.D. (protocollo, data, dichiarazioni, termine per il primo colloquio)")
            .Produces(StatusCodes.Status200OK, contentType: DidDetails.PdfType).Problems(403, 404);
        person.MapPost("/dichiarazioni/{id:guid}/revoca", Revoke).WithSummary("Revoca una propria D.I.D. (solo nello stato Inviata)").Problems(403, 404, 409);

        var cpi = api.MapGroup("/cpi").RequireAuthorization(PermissionPolicy.For(DidPermissions.Cpi));
        cpi.MapGet("/dichiarazioni", CpiList)
            .WithSummary("D.I.D. del proprio CPI: filtri stato, dal, al (gg/mm/aaaa o aaaa-mm-gg), q (nome o codice fiscale), pagina").Problems(400, 403);
        cpi.MapGet("/dichiarazioni/export", CpiExport)
            .WithSummary("Le D.I.D. del proprio CPI (stessi filtri) in Excel")
            .Produces(StatusCodes.Status200OK, contentType: CpiService.XlsxType).Problems(400, 403);
        cpi.MapGet("/dichiarazioni/{id:guid}", CpiGet).WithSummary("Dettaglio di una D.I.D. del proprio CPI").Problems(403, 404);
        cpi.MapGet("/dichiarazioni/{id:guid}/ricevuta", CpiReceipt).WithSummary("Ricevuta PDF di una D.I.D. del proprio CPI")
            .Produces(StatusCodes.Status200OK, contentType: DidDetails.PdfType).Problems(403, 404);
        cpi.MapPost("/dichiarazioni/{id:guid}/colloquio", Colloquio)
            .WithSummary("Registra data, ora (gg/mm/aaaa hh:mm) e luogo del primo colloquio").Problems(400, 403, 404, 409);
        cpi.MapPost("/dichiarazioni/{id:guid}/esito", Esito)
            .WithSummary("Registra l'esito del primo colloquio: «svolto» (D.I.D. confermata) o «non-svolto» (decaduta)").Problems(400, 403, 404, 409);
        cpi.MapPost("/dichiarazioni/{id:guid}/giustificato-motivo", Giustifica)
            .WithSummary("Riconosce un giustificato motivo e sposta il colloquio").Problems(400, 403, 404, 409);
        cpi.MapGet("/situazioni", Situazioni).WithSummary("Situazione occupazionale delle persone del proprio CPI (ricerca q per nome o codice fiscale)").Problems(400, 403);
        cpi.MapPut("/situazioni/{codiceFiscale}", SaveSituazione)
            .WithSummary("Registra lo stato occupazionale (occupato, disoccupato, inoccupato) di una persona del proprio CPI").Problems(400, 403);
        cpi.MapPost("/situazioni/import", Import).DisableAntiforgery()
            .WithSummary("Importa da CSV (codice_fiscale;cognome;nome;stato;dal) la situazione occupazionale delle persone del CPI: tutto o niente")
            .Problems(400, 403);
    }

    private static async Task<Ok<SituazioneDto>> Situazione(DidService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(SituazioneDto.From(await service.SituazioneAsync(user, ct)));

    private static async Task<Ok<List<DidSummaryDto>>> List(DidService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await service.SituazioneAsync(user, ct)).Dichiarazioni.Select(DidSummaryDto.From).ToList());

    private static async Task<Results<Created<DidDetailDto>, Ok<DidDetailDto>>> Send([FromBody] DidInput? input,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, DidService service, DidDetails details, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await service.SendAsync(user, input ?? new DidInput(), idempotencyKey, ct);
        var dto = await details.DetailAsync(outcome.Dichiarazione, ct);
        return outcome.Created ? TypedResults.Created($"/api/v1/did/dichiarazioni/{dto.Dichiarazione.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Ok<DidDetailDto>> Get(Guid id, DidService service, DidDetails details, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await details.DetailAsync(await service.OwnAsync(user, id, ct), ct));

    private static async Task<FileContentHttpResult> Receipt(Guid id, DidService service, DidDetails details, ClaimsPrincipal user, CancellationToken ct)
    {
        var (name, content) = await details.ReceiptAsync(await service.OwnAsync(user, id, ct), ct);
        return TypedResults.File(content, DidDetails.PdfType, name);
    }

    private static async Task<Ok<DidDetailDto>> Revoke(Guid id, DidService service, DidDetails details, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await details.DetailAsync(await service.RevocaAsync(user, id, ct), ct));

    private static CpiFilter Filter(string? stato, string? dal, string? al, string? q, string? pagina) =>
        new(stato, ParseDate(dal, "dal"), ParseDate(al, "al"), q, ParsePage(pagina));

    public static DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw PortalException.Invalid(field, "Data non valida: usare il formato gg/mm/aaaa.");
    }

    public static int ParsePage(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 1
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p
            : throw PortalException.Invalid("pagina", "La pagina deve essere un numero da 1 in su.");

    private static async Task<Ok<CpiPageDto>> CpiList(string? stato, string? dal, string? al, string? q, string? pagina, CpiService service,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var page = await service.ListAsync(user, Filter(stato, dal, al, q, pagina), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new CpiPageDto(page.Items.Select(i => CpiDidDto.From(i, now)).ToList(), page.Total, page.Pagina, page.Pagine));
    }

    private static async Task<FileContentHttpResult> CpiExport(string? stato, string? dal, string? al, string? q, CpiService service,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.File(await service.ExportAsync(user, Filter(stato, dal, al, q, null), ct), CpiService.XlsxType, "did-cpi.xlsx");

    private static async Task<Ok<DidDetailDto>> CpiGet(Guid id, CpiService service, DidDetails details, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await details.DetailAsync(await service.GetAsync(user, id, ct), ct));

    private static async Task<FileContentHttpResult> CpiReceipt(Guid id, CpiService service, DidDetails details, ClaimsPrincipal user, CancellationToken ct)
    {
        var (name, content) = await details.ReceiptAsync(await service.GetAsync(user, id, ct), ct);
        return TypedResults.File(content, DidDetails.PdfType, name);
    }

    private static async Task<Ok<DidDetailDto>> Colloquio(Guid id, [FromBody] ColloquioRequest? body, CpiService service, DidDetails details,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await details.DetailAsync(await service.ColloquioAsync(user, id, body?.DataOra, body?.Luogo, ct), ct));

    private static async Task<Ok<DidDetailDto>> Esito(Guid id, [FromBody] EsitoRequest? body, CpiService service, DidDetails details,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await details.DetailAsync(await service.EsitoAsync(user, id, body?.Esito, body?.Nota, ct), ct));

    private static async Task<Ok<DidDetailDto>> Giustifica(Guid id, [FromBody] GiustificatoMotivoRequest? body, CpiService service, DidDetails details,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await details.DetailAsync(await service.GiustificaAsync(user, id, body?.Motivo, body?.DataOra, body?.Luogo, ct), ct));

    private static async Task<Ok<List<SituazioneRowDto>>> Situazioni(string? q, SituazioneService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(user, q, ct)).Select(SituazioneRowDto.From).ToList());

    private static async Task<Ok<SituazioneRowDto>> SaveSituazione(string codiceFiscale, [FromBody] SituazioneRequest? body, SituazioneService service,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(SituazioneRowDto.From(await service.SaveAsync(user, new SituazioneService.Input(codiceFiscale, body?.Cognome, body?.Nome, body?.Stato, body?.Dal), ct)));

    private static async Task<Ok<ImportDto>> Import(IFormFile? file, SituazioneImport import, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file is null) throw PortalException.Invalid("file", "Allegare il file CSV.");
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return TypedResults.Ok(new ImportDto(await import.ImportAsync(user, ms.ToArray(), ct)));
    }
}
