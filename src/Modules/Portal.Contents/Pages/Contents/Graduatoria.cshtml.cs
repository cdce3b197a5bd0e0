using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Apis;
using Portal.Contents.Contracts;
using Portal.Contents.Model;
using Portal.Contents.Services;

namespace Portal.Contents.Pages.Contents;

/// <summary>
/// A published Graduatoria: decree, text, documents, and its rows from the service that keeps them
/// (<see cref="IGraduatoriaRighe"/>), searched and paged in that service's database, with PDF and Excel downloads.
/// </summary>
public sealed class GraduatoriaModel(ContentQueries queries, MarkdownRenderer markdown, IEnumerable<IGraduatoriaRighe> sources) : PageModel
{
    public const int PerPagina = 50;
    public PublishedContent Graduatoria { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public string? AvvisoSlug { get; private set; }
    public string? AvvisoTitle { get; private set; }
    public GraduatoriaRighePagina? Righe { get; private set; }
    public string? Cerca { get; private set; }
    public string? CercaError { get; private set; }
    public int Pagina { get; private set; }
    public int Pages => Righe is null ? 0 : (Righe.Totale + PerPagina - 1) / PerPagina;

    public Paginazione Paging => new(Pagina, Pages, p => $"?cerca={Uri.EscapeDataString(Cerca ?? "")}&pagina={p}#righe-titolo");
    public string PdfUrl => GraduatoriaDownload.UrlOf(Graduatoria.Item.Id, GraduatoriaFormato.Pdf);
    public string ExcelUrl => GraduatoriaDownload.UrlOf(Graduatoria.Item.Id, GraduatoriaFormato.Xlsx);

    public async Task<IActionResult> OnGetAsync(Guid id, string? cerca, int pagina = 1)
    {
        var g = await queries.GetPublishedAsync(id);
        if (g is null || g.Item.ContentType != ContentTypes.Graduatoria) return NotFound();
        Graduatoria = g;
        Pagina = Math.Max(1, pagina);
        Cerca = cerca?.Trim();
        if (Cerca?.Length > 100)
        {
            CercaError = "Il testo da cercare può contenere al massimo 100 caratteri.";
            Cerca = Cerca[..100];
        }
        foreach (var source in sources)
        {
            Righe = await source.PageAsync(id, CercaError is null ? Cerca : null, Pagina, PerPagina);
            if (Righe is not null) break;
        }
        // The rows are shown from the database: a table in the text would repeat them.
        BodyHtml = Righe is null ? markdown.ToHtml(g.Version.Body) : markdown.ToHtmlWithoutTables(g.Version.Body);
        if (g.Item.ParentId is Guid parent && await queries.GetPublishedAsync(parent) is { } avviso)
            (AvvisoSlug, AvvisoTitle) = (avviso.Item.Slug, avviso.Version.Title);
        return Page();
    }
}
