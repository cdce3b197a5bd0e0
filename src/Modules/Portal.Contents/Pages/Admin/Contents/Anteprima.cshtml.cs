using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Pages.Contents;
using Portal.Contents.Services;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Contents.Pages.Admin.Contents;

/// <summary>Shows any version (default: the latest) as the public site would, for editors only.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Contents.Edit")]
public sealed class AnteprimaModel(ContentQueries queries, IFinestre finestre, MarkdownRenderer markdown, TimeProvider clock,
    IEnumerable<IServiceEntry> services) : PageModel
{
    public PublishedContent Shown { get; private set; } = null!;
    public AvvisoView? Avviso { get; private set; }
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, int? versione)
    {
        var item = await queries.GetItemAsync(id);
        if (item is null) return NotFound();
        var version = await queries.GetVersionAsync(id, versione ?? item.LatestVersion);
        if (version is null) return NotFound();
        Shown = new PublishedContent(item, version, ContentData.FromJson(version.DataJson));
        BodyHtml = markdown.ToHtml(version.Body);
        if (item.ContentType == ContentTypes.Avviso)
            Avviso = await AvvisoView.BuildAsync(Shown, queries, finestre, markdown, clock.GetUtcNow(), services);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
