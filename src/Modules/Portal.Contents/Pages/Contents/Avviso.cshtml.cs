using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

namespace Portal.Contents.Pages.Contents;

public sealed class AvvisoModel(ContentQueries queries, IFinestre finestre, MarkdownRenderer markdown, TimeProvider clock,
    IEnumerable<IServiceEntry> services) : PageModel
{
    public AvvisoView View { get; private set; } = null!;
    public PublishedContent Avviso => View.Avviso;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var a = await queries.GetPublishedBySlugAsync(ContentTypes.Avviso, slug);
        if (a is null) return NotFound();
        View = await AvvisoView.BuildAsync(a, queries, finestre, markdown, clock.GetUtcNow(), services);
        return Page();
    }
}
