using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Data;
using Portal.Bonus.Services;
using Portal.Core.Apis;
using Portal.Core.Errors;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Core.Time;

namespace Portal.Bonus.Apis;

/// <summary>
/// /api/v1/bonus: the open calls (public), the citizen's applications (own only: another person's is a 404), the
/// Amministratore's editing of a call and the Funzionario's cancellation on request. A refused section or a sending with
/// something missing answers 422 with the fields or sections; other refusals are problem details from PortalException.
/// </summary>
public static class BonusApi
{
    public static void MapBonusApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/bonus");

        var pub = api.MapGroup("/").WithTags("Bonus – bandi").AllowAnonymous();
        pub.MapGet("/bandi", OpenBandi).WithSummary("I bandi aperti (con almeno una finestra non ancora chiusa) e le loro finestre");
        pub.MapGet("/bandi/{id:guid}", GetBando).WithSummary("Un bando con le sue regole e le sue finestre").Problems(404);

        var admin = api.MapGroup("/").WithTags("Bonus – configurazione dei bandi")
            .RequireAuthorization(PermissionPolicy.For(BonusPermissions.ManageBandi));
        admin.MapPut("/bandi/{id:guid}", UpdateBando)
            .WithSummary("Modifica le regole del bando: nuova versione, con il motivo; la versione di partenza evita modifiche perse").Problems(400, 403, 404, 409);
        admin.MapGet("/bandi/{id:guid}/versioni", Versions).WithSummary("Le versioni del bando, dalla più recente").Problems(403, 404);

        var mine = api.MapGroup("/domande").WithTags("Bonus – le mie domande")
            .RequireAuthorization(PermissionPolicy.For(BonusPermissions.Apply))
            // Multipart bodies from the API: the session cookie is SameSite=Lax and Core's API CSRF checks apply.
            .DisableAntiforgery();
        mine.MapPost("/", Create).WithSummary("Crea una nuova domanda in bozza per un bando").Problems(400, 403, 409);
        mine.MapGet("/", Mine).WithSummary("Le mie domande, dalla più recente");
        mine.MapGet("/{id:guid}", GetDomanda).WithSummary("Una mia domanda con le sezioni (salvate o da compilare)").Problems(403, 404);
        mine.MapPut("/{id:guid}/sezioni/{sezione}", SaveSection).AddEndpointFilter(Unprocessable)
            .WithSummary("Salva una sezione (richiedente, nucleo, figli, isee, occupazione, dispositivo, dichiarazioni); 422 con gli errori per campo")
            .Accepts<JsonElement>("application/json").Problems(403, 404, 409, 422);
        mine.MapPost("/{id:guid}/allegati/isee", UploadIsee).AddEndpointFilter(Unprocessable)
            .WithSummary("Carica o sostituisce l'attestazione ISEE (PDF, TIF o JPG; tipo riconosciuto dal contenuto)").Problems(403, 404, 409, 422);
        mine.MapGet("/{id:guid}/allegati/isee", DownloadIsee).WithSummary("Scarica l'attestazione ISEE caricata")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Problems(403, 404);
        mine.MapGet("/{id:guid}/pdf", Pdf).WithSummary("Genera la domanda in PDF per la verifica")
            .Produces(StatusCodes.Status200OK, contentType: DomandaDownloads.PdfType).Problems(403, 404);
        mine.MapPost("/{id:guid}/invio", Send).AddEndpointFilter(Unprocessable)
            .WithSummary("Invia la domanda (solo a finestra aperta; idempotente, anche con l'intestazione Idempotency-Key); 422 con ciò che manca")
            .Problems(403, 404, 409, 422);
        mine.MapGet("/{id:guid}/ricevuta", Receipt).WithSummary("Scarica la ricevuta di invio (404 finché non è emessa)")
            .Produces(StatusCodes.Status200OK, contentType: DomandaDownloads.PdfType).Problems(403, 404);
        mine.MapPost("/{id:guid}/richiesta-annullamento", RequestCancellation)
            .WithSummary("Chiede l'annullamento della domanda inviata, con il motivo (art. 4)").Problems(400, 403, 404, 409);

        var office = api.MapGroup("/istruttoria").WithTags("Bonus – istruttoria");
        office.MapGet("/domande", OfficeList).RequireAuthorization(PermissionPolicy.For(BonusPermissions.ViewAll))
            .WithSummary("Le domande inviate, con la segnalazione del nucleo e le richieste di annullamento").Problems(403);
        office.MapPost("/domande/{id:guid}/annullamento", Cancel).RequireAuthorization(PermissionPolicy.For(BonusPermissions.Cancel))
            .WithSummary("Annulla la domanda su richiesta del richiedente (AnnullataSuRichiesta), con il motivo").Problems(400, 403, 404, 409);
    }

    /// <summary>The contract of these endpoints answers wrong input with 422 (the rest of the API keeps 400).</summary>
    private static async ValueTask<object?> Unprocessable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            return Unprocessable(e.Errors.ToDictionary(x => x.Key, x => new[] { x.Value }), e.Message, null);
        }
    }

    private static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors, string detail, IDictionary<string, object?>? extensions)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = ProblemDetailsItalian.Title(StatusCodes.Status422UnprocessableEntity),
            Detail = detail,
        };
        foreach (var (k, v) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[k] = v;
        return TypedResults.Problem(problem);
    }

    private static async Task<Ok<List<BandoDto>>> OpenBandi(BandiService bandi, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok((await bandi.OpenAsync(ct)).Select(b => BandoDto.From(b, now)).ToList());
    }

    private static async Task<Ok<BandoDto>> GetBando(Guid id, BandiService bandi, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(BandoDto.From(await bandi.GetAsync(id, ct), clock.GetUtcNow().UtcDateTime));

    private static async Task<Ok<BandoDto>> UpdateBando(Guid id, BandoUpdateRequest request, BandiService bandi, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var bando = await bandi.UpdateAsync(user, id, request.Titolo, request.AvvisoId, request.Regole, request.Motivo, request.Versione, ct);
        return TypedResults.Ok(BandoDto.From(await bandi.WithFinestreAsync(bando, ct), clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Ok<List<BandoVersioneDto>>> Versions(Guid id, BandiService bandi, CancellationToken ct) =>
        TypedResults.Ok((await bandi.VersionsAsync(id, ct)).Select(BandoVersioneDto.From).ToList());

    private static async Task<Created<DomandaDto>> Create(NuovaDomandaRequest request, DomandeService domande, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await domande.CreateAsync(user, request.BandoId, ct);
        return TypedResults.Created($"/api/v1/bonus/domande/{d.Id}", DomandaDto.From(d));
    }

    private static async Task<Ok<List<DomandaSintesiDto>>> Mine(DomandeService domande, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await domande.MineAsync(user, ct)).Select(DomandaSintesiDto.From).ToList());

    private static async Task<Ok<DomandaDto>> GetDomanda(Guid id, DomandeService domande, IProtocolRegister protocol, IReceipts receipts,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await domande.OwnAsync(user, id, tracked: false, ct);
        return TypedResults.Ok(await WithProtocolAsync(d, protocol, receipts, ct));
    }

    internal static async Task<DomandaDto> WithProtocolAsync(Domanda d, IProtocolRegister protocol, IReceipts receipts, CancellationToken ct)
    {
        if (d.InviataUtc is null) return DomandaDto.From(d);
        var entry = await protocol.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct);
        var receipt = entry is null ? null : await receipts.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct);
        return DomandaDto.From(d, entry?.Segnatura, entry?.RegisteredUtc, receipt is not null);
    }

    private static async Task<Ok<DomandaDto>> SaveSection(Guid id, string sezione, HttpRequest request, DomandeService domande,
        ClaimsPrincipal user, CancellationToken ct)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw PortalException.Invalid("sezione", "Il corpo della richiesta deve essere un oggetto JSON con i campi della sezione.");
        }
        return TypedResults.Ok(DomandaDto.From(await domande.SaveSectionAsync(user, id, sezione, body, ct)));
    }

    private static async Task<Ok<DomandaDto>> UploadIsee(Guid id, IFormFile? file, DomandeService domande, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        return TypedResults.Ok(DomandaDto.From(await domande.UploadIseeAsync(user, id, file?.FileName, stream, ct)));
    }

    private static async Task<FileContentHttpResult> DownloadIsee(Guid id, DomandeService domande, ClaimsPrincipal user, CancellationToken ct)
    {
        var f = await domande.IseeFileAsync(user, id, ct);
        return TypedResults.File(f.Content, f.ContentType, f.FileName);
    }

    private static async Task<FileContentHttpResult> Pdf(Guid id, DomandaDownloads downloads, ClaimsPrincipal user, CancellationToken ct)
    {
        var pdf = await downloads.PdfAsync(user, id, ct);
        return TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName);
    }

    private static async Task<Results<Ok<InvioDto>, ProblemHttpResult>> Send(Guid id, DomandaInvio invio, ClaimsPrincipal user,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IProtocolRegister protocol, CancellationToken ct)
    {
        var esito = await invio.SendAsync(user, id, idempotencyKey, ct);
        if (esito.Domanda is not { } d)
            return Unprocessable(
                esito.Mancanti.GroupBy(m => m.Sezione).ToDictionary(g => g.Key, g => g.Select(m => m.Messaggio).ToArray()),
                "La domanda non è stata inviata: completa le parti indicate e premi di nuovo «Invia domanda».",
                new Dictionary<string, object?> { ["mancanti"] = esito.Mancanti });
        // Right after sending the number is not there yet (it follows from the outbox): only a repeated sending looks.
        var entry = esito.GiaInviata ? await protocol.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct) : null;
        return TypedResults.Ok(new InvioDto(d.Id, d.Stato.ToString(), Workflow.DomandaWorkflow.Label(d.Stato), d.InviataUtc!.Value,
            RomeTime.Format(d.InviataUtc.Value), esito.GiaInviata, entry?.Segnatura, esito.AvvisoNucleo));
    }

    private static async Task<FileContentHttpResult> Receipt(Guid id, DomandaDownloads downloads, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await downloads.ReceiptAsync(user, id, ct);
        return TypedResults.File(r.Content, r.ContentType, r.FileName);
    }

    private static async Task<Ok<DomandaDto>> RequestCancellation(Guid id, MotivoRequest request, DomandeService domande, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(DomandaDto.From(await domande.RequestCancellationAsync(user, id, request.Motivo, ct)));

    private static async Task<Ok<List<DomandaIstruttoriaDto>>> OfficeList(BonusDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Domande.AsNoTracking().Where(d => d.InviataUtc != null).OrderBy(d => d.InviataUtc).Take(500).ToListAsync(ct))
            .Select(DomandaIstruttoriaDto.From).ToList());

    private static async Task<Ok<DomandaIstruttoriaDto>> Cancel(Guid id, MotivoRequest request, DomandeService domande, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(DomandaIstruttoriaDto.From(await domande.CancelAsync(user, id, request.Motivo, ct)));
}
