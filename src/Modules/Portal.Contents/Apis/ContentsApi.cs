using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Apis;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Contents.Apis;

public static class ContentsApi
{
    public static void MapContentsApi(this IEndpointRouteBuilder endpoints)
    {
        var pub = endpoints.MapGroup("/api/v1").WithTags("Contenuti pubblici").AllowAnonymous();
        pub.MapGet("/avvisi", ListAvvisi).WithSummary("Avvisi pubblicati, con ricerca testuale e filtri (categoria; stato: aperti, in-arrivo, chiusi)")
            .ProducesValidationProblem();
        pub.MapGet("/avvisi/{slug}", GetAvviso).WithSummary("Un avviso pubblicato con le sue finestre e i loro stati").ProducesProblem(404);
        pub.MapGet("/finestre/{id:guid}", GetFinestra).WithSummary("Una finestra e il suo stato adesso (futura, aperta, chiusa)").ProducesProblem(404);
        pub.MapGet("/graduatorie", ListGraduatorie).WithSummary("Graduatorie pubblicate");
        pub.MapGet("/pagine/{slug}", GetPagina).WithSummary("Una pagina pubblicata").ProducesProblem(404);
        pub.MapGet("/avvisi-servizio", ListBanners).WithSummary("Avvisi di servizio attivi adesso");

        var edit = endpoints.MapGroup("/api/v1/contenuti").WithTags("Redazione contenuti")
            .RequireAuthorization(PermissionPolicy.For(ContentsPermissions.Edit)).ProducesProblem(403);
        edit.MapGet("/", ListAll).WithSummary("Tutti i contenuti, anche bozze e archiviati");
        edit.MapGet("/{id:guid}", GetOne).WithSummary("Un contenuto con la sua ultima versione").ProducesProblem(404);
        edit.MapGet("/{id:guid}/versioni", Versions).WithSummary("Le versioni di un contenuto, dalla più recente").ProducesProblem(404);
        edit.MapPost("/", Create).WithSummary("Crea un contenuto in bozza")
            .Produces<ContenutoSintesiDto>(StatusCodes.Status201Created).ProducesValidationProblem();
        edit.MapPut("/{id:guid}", Update).WithSummary("Salva una nuova versione in bozza (indicare la revisione letta)")
            .Produces<ContenutoSintesiDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var publish = edit.MapGroup("/").RequireAuthorization(PermissionPolicy.For(ContentsPermissions.Publish));
        publish.MapPost("/{id:guid}/pubblica", Publish).WithSummary("Pubblica l'ultima versione").ProducesProblem(404).ProducesProblem(409);
        publish.MapPost("/{id:guid}/ritira", Unpublish).WithSummary("Ritira dal sito pubblico (archivia)").ProducesProblem(404).ProducesProblem(409);
        publish.MapPost("/{id:guid}/programma", Schedule).WithSummary("Programma pubblicazione e ritiro (ora italiana)")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        publish.MapPost("/{id:guid}/versioni/{numero:int}/ripristina", Restore).WithSummary("Ripristina una versione come nuova bozza")
            .ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Ok<IReadOnlyList<ServiceBanner>>> ListBanners(IServiceBannerSource banners, CancellationToken ct) =>
        TypedResults.Ok(await banners.GetActiveAsync(ct));

    private static async Task<Ok<ContenutoSintesiDto>> Publish(Guid id, RevisioneRichiesta? body, ContentService s, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(ContenutoSintesiDto.From(await s.PublishAsync(id, body?.Revisione, By(u), ct)));

    private static async Task<Ok<ContenutoSintesiDto>> Unpublish(Guid id, RevisioneRichiesta? body, ContentService s, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(ContenutoSintesiDto.From(await s.UnpublishAsync(id, body?.Revisione, By(u), ct)));

    private static async Task<Ok<ContenutoSintesiDto>> Schedule(Guid id, ProgrammazioneRichiesta body, ContentService s, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(ContenutoSintesiDto.From(await s.ScheduleAsync(id, body.Revisione, body.PubblicaIl, body.RitiraIl, By(u), ct)));

    private static async Task<Ok<ContenutoSintesiDto>> Restore(Guid id, int numero, RevisioneRichiesta? body, ContentService s, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(ContenutoSintesiDto.From(await s.RestoreAsync(id, numero, body?.Revisione, By(u), ct)));

    private static string By(ClaimsPrincipal user) => user.ActorName();

    private static async Task<Ok<ElencoDto<AvvisoSintesiDto>>> ListAvvisi(string? q, string? categoria, string? stato, int? pagina, ContentQueries queries, CancellationToken ct)
    {
        if (SearchText.Parse(q) is { TooLong: true, Error: { } error }) throw Portal.Core.Errors.PortalException.Invalid("q", error);
        var (items, total) = await queries.SearchAvvisiAsync(new AvvisoFilter(q, categoria, stato, pagina ?? 1, 20), ct);
        return TypedResults.Ok(new ElencoDto<AvvisoSintesiDto>(items.Select(a => new AvvisoSintesiDto(a.Item.Id, a.Version.Title, a.Item.Slug!,
            a.Version.Summary, a.Data.Categoria, a.Data.Servizio, a.Item.FirstPublishedUtc)).ToList(), total, pagina ?? 1));
    }

    private static async Task<Results<Ok<AvvisoDto>, ProblemHttpResult>> GetAvviso(string slug, ContentQueries queries, IFinestre finestre,
        MarkdownRenderer markdown, TimeProvider clock, CancellationToken ct)
    {
        var a = await queries.GetPublishedBySlugAsync(ContentTypes.Avviso, slug, ct);
        if (a is null) return NotFound("Avviso non trovato.");
        var now = clock.GetUtcNow();
        var windows = (await finestre.ForAvvisoAsync(a.Item.Id, ct)).Select(f => f.ToDto(now)).ToList();
        return TypedResults.Ok(new AvvisoDto(a.Item.Id, a.Version.Title, a.Item.Slug!, a.Version.Summary, markdown.ToHtml(a.Version.Body),
            a.Data.Categoria, a.Data.Servizio, a.Data.Contatti, windows, a.Version.Attachments.OrderBy(x => x.Order).Select(x => x.ToDto()).ToList()));
    }

    private static async Task<Results<Ok<FinestraDto>, ProblemHttpResult>> GetFinestra(Guid id, IFinestre finestre, TimeProvider clock, CancellationToken ct)
    {
        var f = await finestre.GetAsync(id, ct);
        return f is null ? NotFound("Finestra non trovata.") : TypedResults.Ok(f.ToDto(clock.GetUtcNow()));
    }

    private static async Task<Ok<List<GraduatoriaDto>>> ListGraduatorie(ContentQueries queries, MarkdownRenderer markdown, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListPublishedAsync(ContentTypes.Graduatoria, ct: ct)).Select(g => new GraduatoriaDto(g.Item.Id, g.Version.Title,
            g.Item.ParentId, g.Data.FinestraId, g.Data.DecretoNumero, g.Data.DecretoData, markdown.ToHtml(g.Version.Body),
            g.Version.Attachments.OrderBy(x => x.Order).Select(x => x.ToDto()).ToList())).ToList());

    private static async Task<Results<Ok<PaginaDto>, ProblemHttpResult>> GetPagina(string slug, ContentQueries queries, MarkdownRenderer markdown, CancellationToken ct)
    {
        var p = await queries.GetPublishedBySlugAsync(ContentTypes.Pagina, slug, ct);
        return p is null ? NotFound("Pagina non trovata.")
            : TypedResults.Ok(new PaginaDto(p.Item.Id, p.Version.Title, p.Item.Slug!, markdown.ToHtml(p.Version.Body),
                p.Version.Attachments.OrderBy(x => x.Order).Select(x => x.ToDto()).ToList()));
    }

    private static async Task<Ok<List<ContenutoSintesiDto>>> ListAll(string? tipo, ContentStatus? stato, string? q, ContentQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ListAdminAsync(new AdminFilter(tipo, stato, q), ct)).Select(ContenutoSintesiDto.From).ToList());

    private static async Task<Results<Ok<ContenutoDto>, ProblemHttpResult>> GetOne(Guid id, ContentQueries queries, CancellationToken ct)
    {
        var item = await queries.GetItemAsync(id, ct);
        if (item is null) return NotFound("Contenuto non trovato.");
        var latest = await queries.GetVersionAsync(id, item.LatestVersion, ct);
        return TypedResults.Ok(new ContenutoDto(ContenutoSintesiDto.From(item), item.ParentId, latest!.ToDto()));
    }

    private static async Task<Results<Ok<List<VersioneDto>>, ProblemHttpResult>> Versions(Guid id, ContentQueries queries, CancellationToken ct)
    {
        if (await queries.GetItemAsync(id, ct) is null) return NotFound("Contenuto non trovato.");
        return TypedResults.Ok((await queries.GetVersionsAsync(id, ct)).Select(v => v.ToDto()).ToList());
    }

    private static async Task<IResult> Create(ContenutoRichiesta body, ContentService s, ClaimsPrincipal u, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Tipo) || !ContentTypes.All.Contains(body.Tipo))
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Tipo"] = [$"Indicare il tipo: {string.Join(", ", ContentTypes.All)}."] });
        if (body.Campi is null)
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Campi"] = ["Indicare i campi del contenuto (titolo, sommario...)."] });
        if (!TryDecode(body.Allegati, out var files, out var error))
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Allegati"] = [error!] });
        var item = await s.CreateAsync(body.Tipo, body.Campi, files, By(u), ct);
        return TypedResults.Created($"/api/v1/contenuti/{item.Id}", ContenutoSintesiDto.From(item));
    }

    private static async Task<IResult> Update(Guid id, ContenutoRichiesta body, ContentService s, ClaimsPrincipal u, CancellationToken ct)
    {
        if (body.Revisione is null)
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Revisione"] = ["Indicare la revisione del contenuto letta prima della modifica."] });
        if (body.Campi is null)
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Campi"] = ["Indicare i campi del contenuto (titolo, sommario...)."] });
        if (!TryDecode(body.Allegati, out var files, out var error))
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { ["Allegati"] = [error!] });
        return TypedResults.Ok(ContenutoSintesiDto.From(await s.SaveDraftAsync(id, body.Revisione.Value, body.Campi, files, By(u), ct)));
    }

    private static bool TryDecode(List<AllegatoNuovoDto>? list, out List<NewAttachment> files, out string? error)
    {
        files = [];
        error = null;
        foreach (var a in list ?? [])
        {
            if (a is null || string.IsNullOrWhiteSpace(a.NomeFile) || a.ContenutoBase64 is null)
            {
                error = "Ogni allegato deve avere il nome del file (nomeFile) e il contenuto in base64 (contenutoBase64).";
                return false;
            }
            try
            {
                files.Add(new NewAttachment(a.NomeFile, new MemoryStream(Convert.FromBase64String(a.ContenutoBase64)), a.Titolo));
            }
            catch (FormatException)
            {
                error = $"Il contenuto dell'allegato «{a.NomeFile}» non è in base64 valido.";
                return false;
            }
        }
        return true;
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: 404, title: ProblemDetailsItalian.Title(404), detail: detail);
}
