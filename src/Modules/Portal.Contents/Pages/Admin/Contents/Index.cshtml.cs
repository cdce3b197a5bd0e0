using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Security;

namespace Portal.Contents.Pages.Admin.Contents;

[Authorize(Policy = PermissionPolicy.Prefix + "Contents.Edit")]
public sealed class ContenutiModel(ContentQueries queries) : PageModel
{
    public IReadOnlyList<ContentItem> Items { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Tipo { get; private set; }
    public ContentStatus? Stato { get; private set; }

    public async Task OnGetAsync(string? q, string? tipo, ContentStatus? stato)
    {
        (Q, Tipo, Stato) = (q, tipo, stato);
        Items = await queries.ListAdminAsync(new AdminFilter(tipo, stato, q));
    }
}
