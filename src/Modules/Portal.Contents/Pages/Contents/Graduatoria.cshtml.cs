using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;

namespace Portal.Contents.Pages.Contents;

public sealed class GraduatoriaModel(ContentQueries queries, MarkdownRenderer markdown) : PageModel
{
    public PublishedContent Graduatoria { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public string? AvvisoSlug { get; private set; }
    public string? AvvisoTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var g = await queries.GetPublishedAsync(id);
        if (g is null || g.Item.ContentType != ContentTypes.Graduatoria) return NotFound();
        Graduatoria = g;
        BodyHtml = markdown.ToHtml(g.Version.Body);
        if (g.Item.ParentId is Guid parent && await queries.GetPublishedAsync(parent) is { } avviso)
            (AvvisoSlug, AvvisoTitle) = (avviso.Item.Slug, avviso.Version.Title);
        return Page();
    }
}
