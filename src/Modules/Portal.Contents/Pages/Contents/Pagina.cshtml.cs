using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;

namespace Portal.Contents.Pages.Contents;

public sealed class PaginaModel(ContentQueries queries, MarkdownRenderer markdown) : PageModel
{
    public PublishedContent Pagina { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var p = await queries.GetPublishedBySlugAsync(ContentTypes.Pagina, slug);
        if (p is null) return NotFound();
        Pagina = p;
        BodyHtml = markdown.ToHtml(p.Version.Body);
        return Page();
    }
}
