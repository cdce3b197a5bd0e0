using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Documents;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Services;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Apis;

/// <summary>
/// /api/v1/monitoraggio: the ente's management system sends feeds and follows them (flussi), the Funzionario reads
/// the reports (report/…), anyone reads the published format (formato). Refusals are PortalExceptions.
/// </summary>
public static class MonitoraggioApi
{
    public static void MapMonitoraggioApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/monitoraggio").WithTags("Monitoraggio");
        // The ente's management system authenticates with its API credential (bearer token), people with the session.
        var flussi = api.MapGroup("/flussi").RequireAuthorization(new AuthorizationPolicyBuilder(ApiTokenSchemes.TokenOrSession).RequireAuthenticatedUser().Build());
        var upload = flussi.MapGroup("/").RequireAuthorization(new AuthorizationPolicyBuilder(ApiTokenSchemes.TokenOrSession)
                .RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(MonitoraggioPermissions.Upload.Name)).Build())
            // Raw and multipart bodies from the management systems: the session cookie is SameSite=Lax, no cross-site form carries it.
            .DisableAntiforgery();

        upload.MapPost("/", Upload)
            .WithSummary("Invia un flusso (corpo grezzo o multipart, campo «file»): risponde subito con l'identificativo, l'elaborazione prosegue in background")
            .Accepts<IFormFile>("multipart/form-data", "application/octet-stream", "text/csv", "text/plain")
            .Produces<FlussoDto>(StatusCodes.Status202Accepted).Problems(400, 401, 403, 413);
        upload.MapPost("/{id:guid}/conferma", Confirm)
            .WithSummary("Conferma un flusso con avvisi: viene applicato").Problems(403, 404, 409);
        upload.MapPost("/{id:guid}/annulla", Cancel)
            .WithSummary("Annulla un flusso con avvisi: nessuna pratica cambia").Problems(403, 404, 409);

        flussi.MapGet("/", History).WithSummary("Storico dei flussi dell'ente, dal più recente").Problems(400, 403);
        flussi.MapGet("/{id:guid}", Get).WithSummary("Stato, avanzamento, conteggi ed esito di un flusso").Problems(404);
        flussi.MapGet("/{id:guid}/errori", Errors)
            .WithSummary("Rapporto completo degli errori e degli avvisi: CSV, oppure Excel con ?formato=xlsx")
            .Produces(StatusCodes.Status200OK, contentType: ErrorReport.CsvType).Problems(400, 404);
        flussi.MapGet("/{id:guid}/ricevuta", Receipt)
            .WithSummary("Ricevuta (PDF) di un flusso applicato, per chi può leggere il flusso")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").Problems(404);

        var report = api.MapGroup("/report").RequireAuthorization(PermissionPolicy.For(MonitoraggioPermissions.Reports));
        report.MapGet("/totali", Totals).WithSummary("Totali per misura, ente, stato, provincia o Comune (dimensione), con i filtri").Problems(400, 403);
        report.MapGet("/andamento", Progress).WithSummary("Andamento nel tempo per DATA_RIFERIMENTO dei flussi").Problems(400, 403);
        report.MapGet("/tempi", Times).WithSummary("Giorni medi dalla domanda alla delibera e all'erogazione").Problems(400, 403);
        report.MapGet("/enti", Enti).WithSummary("Enti con la data dell'ultimo flusso accettato; «in ritardo» oltre i giorni impostati").Problems(403);

        var formato = api.MapGroup("/formato").AllowAnonymous();
        formato.MapGet("/", Format).WithSummary("Il tracciato del flusso (versione 1): campi, regole, stati");
        formato.MapGet("/pdf", FormatPdf).WithSummary("Il tracciato del flusso in PDF, generato dalla stessa definizione usata dal controllo dei file")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        formato.MapGet("/esempio", Example).WithSummary("Un file di esempio che supera la validazione")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain");
    }

    private static async Task<Results<Accepted<FlussoDto>, ProblemHttpResult>> Upload(HttpRequest request, string? ente, string? nome,
        FlussiService service, IOptions<MonitoraggioOptions> options, ClaimsPrincipal user, CancellationToken ct)
    {
        FlussoAccess.EnteOf(user, ente);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.Value.MaxFileBytes + (1 << 20);
        Flusso flusso;
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
                if (string.IsNullOrEmpty(boundary)) throw PortalException.Invalid("file", "Richiesta multipart senza boundary: allegare il file nel campo «file».");
                var reader = new MultipartReader(boundary, request.Body);
                MultipartSection? section;
                while ((section = await reader.ReadNextSectionAsync(ct)) is not null)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()) continue;
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    flusso = await service.UploadAsync(user, ente, Clean(fileName), section.Body, "api", ct);
                    return TypedResults.Accepted($"/api/v1/monitoraggio/flussi/{flusso.Id}", FlussoDto.From(flusso));
                }
                throw PortalException.Invalid("file", "Nessun file nella richiesta: allegare il flusso nel campo «file».");
            }
            flusso = await service.UploadAsync(user, ente, Clean(nome), request.Body, "api", ct);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            throw PortalException.Invalid("file", "Il file non è arrivato per intero (richiesta interrotta o malformata): inviarlo di nuovo.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(statusCode: 413, title: "File troppo grande",
                detail: $"Il file supera la dimensione massima di {options.Value.MaxFileBytes / (1024 * 1024)} MB.");
        }
        catch (InvalidDataException)
        {
            throw PortalException.Invalid("file", "Richiesta multipart malformata: allegare il flusso nel campo «file».");
        }
        return TypedResults.Accepted($"/api/v1/monitoraggio/flussi/{flusso.Id}", FlussoDto.From(flusso));
    }

    /// <summary>A name fit to show and store: no path, no control characters.</summary>
    internal static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var s = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return s.Length is 0 or > 255 ? null : s;
    }

    private static async Task<Ok<FlussoDto>> Confirm(Guid id, FlussiService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(FlussoDto.From(await service.ConfirmAsync(user, id, ct)));

    private static async Task<Ok<FlussoDto>> Cancel(Guid id, FlussiService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(FlussoDto.From(await service.CancelAsync(user, id, ct)));

    private static async Task<Ok<List<FlussoDto>>> History(string? ente, FlussoQueries queries, FlussoAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        string code;
        if (ente is { Length: > 0 } && !user.HasScope(ScopeTypes.Ente, ente))
        {
            await access.RequireReadAsync(user, ente);
            code = ente;
        }
        else code = FlussoAccess.EnteOf(user, ente);
        var list = await queries.HistoryAsync(code, 200, ct);
        var receipts = await queries.ReceiptsAsync(list.Select(f => f.Id), ct);
        return TypedResults.Ok(list.Select(f => FlussoDto.From(f, new FlussoRicevuta(receipts.TryGetValue(f.Id.ToString(), out var r) ? r.Segnatura : null,
            receipts.TryGetValue(f.Id.ToString(), out var rr) ? rr.Code : null))).ToList());
    }

    private static async Task<Ok<FlussoDto>> Get(Guid id, FlussoQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var flusso = await queries.GetAsync(user, id, ct);
        return TypedResults.Ok(FlussoDto.From(flusso, await queries.RicevutaAsync(id, ct)));
    }

    private static async Task<FileContentHttpResult> Receipt(Guid id, FlussoQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var pdf = await queries.ReceiptPdfAsync(user, id, ct);
        return TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName);
    }

    private static async Task<IResult> Errors(Guid id, string? formato, FlussoQueries queries, ErrorReport report, ClaimsPrincipal user, CancellationToken ct)
    {
        if (formato is { Length: > 0 } && formato is not ("csv" or "xlsx"))
            throw PortalException.Invalid("formato", "Formato non previsto: csv (predefinito) o xlsx.");
        var flusso = await queries.GetAsync(user, id, ct);
        var name = $"errori-flusso-{flusso.EnteCode}-{RomeTime.ToRome(flusso.CreatedUtc):yyyyMMdd-HHmm}";
        if (formato == "xlsx") return TypedResults.File(await report.XlsxAsync(id, ct), ErrorReport.XlsxType, name + ".xlsx");
        return TypedResults.Stream(s => report.WriteCsvAsync(id, s, ct), ErrorReport.CsvType, name + ".csv");
    }

    private static ReportFilter Filter(string? ente, string? misura, string? provincia, string? dal, string? al)
    {
        static DateOnly? Date(string? v, string field) => v is not { Length: > 0 } ? null
            : DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) ? d
            : FeedValues.TryDate(v, out var d2) ? d2
            : throw PortalException.Invalid(field, $"Data «{v}» non valida: usare aaaa-mm-gg o gg/mm/aaaa.");
        return new ReportFilter(ente, misura, provincia?.ToUpperInvariant(), Date(dal, "dal"), Date(al, "al"));
    }

    private static async Task<Ok<List<ReportRowDto>>> Totals(string? dimensione, string? ente, string? misura, string? provincia, string? dal, string? al,
        MonitoraggioReports reports, CancellationToken ct) =>
        TypedResults.Ok((await reports.TotalsAsync(dimensione ?? "misura", Filter(ente, misura, provincia, dal, al), ct)).Select(ReportRowDto.From).ToList());

    private static async Task<Ok<List<ProgressPointDto>>> Progress(string? ente, string? misura, string? provincia, string? dal, string? al,
        MonitoraggioReports reports, CancellationToken ct) =>
        TypedResults.Ok((await reports.ProgressAsync(Filter(ente, misura, provincia, dal, al), ct)).Select(ProgressPointDto.From).ToList());

    private static async Task<Ok<TempiDto>> Times(string? ente, string? misura, string? provincia, string? dal, string? al, MonitoraggioReports reports, CancellationToken ct)
    {
        var (d, e) = await reports.AverageDaysAsync(Filter(ente, misura, provincia, dal, al), ct);
        return TypedResults.Ok(new TempiDto(d, e));
    }

    private static async Task<Ok<List<EnteStatoDto>>> Enti(MonitoraggioReports reports, CancellationToken ct) =>
        TypedResults.Ok((await reports.EntiAsync(ct)).Select(e => new EnteStatoDto(e.Code, e.Denominazione,
            e.UltimoFlusso is { } d ? FeedValues.Date(d) : null, e.Giorni, e.InRitardo)).ToList());

    private static Ok<FormatoDto> Format() => TypedResults.Ok(new FormatoDto(FeedFormat.Version, FeedFormat.Header,
        FeedFormat.Fields.Select(f => new FormatoCampoDto(f.Position, f.Name, f.Contenuto, f.Regola, f.Esempio)).ToList(),
        FeedFormat.Rules.Select(r => new FormatoRegolaDto(r.Code, r.Field, r.Descrizione, r.Avviso)).ToList(),
        FeedFormat.Stati.Select(s => s.Code).ToList()));

    private static async Task<FileContentHttpResult> FormatPdf(MonitoraggioDbContext db, IPdfRenderer pdfs, TimeProvider clock, CancellationToken ct)
    {
        var misure = await db.Misure.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        var example = FeedFormat.Example("CODICE-ENTE", today.AddDays(-1), misure.Select(m => m.Code).ToList());
        var pdf = pdfs.Render(FormatoDocument.Build(misure, example, clock.GetUtcNow().UtcDateTime));
        return TypedResults.File(pdf, "application/pdf", $"tracciato-flusso-monitoraggio-v{FeedFormat.Version}.pdf");
    }

    private static async Task<FileContentHttpResult> Example(MonitoraggioDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var code = user.GetScopes(ScopeTypes.Ente) is { Count: > 0 } mine ? mine[0] : "CODICE-ENTE";
        var misure = await db.Misure.AsNoTracking().OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        var text = FeedFormat.Example(code, today.AddDays(-1), misure);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"esempio-flusso-v{FeedFormat.Version}.txt");
    }
}
