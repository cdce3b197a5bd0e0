using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Contents.Pages.Admin.Contents;

[Authorize(Policy = PermissionPolicy.Prefix + "Contents.Edit")]
public sealed class VersioniModel(ContentQueries queries, ContentService contents, IPermissionService permissions) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];
    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var item = await queries.GetItemAsync(id);
        if (item is null) return NotFound();
        Item = item;
        Versions = await queries.GetVersionsAsync(id);
        CanPublish = await permissions.HasPermissionAsync(User, ContentsPermissions.Publish.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int numero, int revision)
    {
        if (!await permissions.HasPermissionAsync(User, ContentsPermissions.Publish.Name)) return Forbid();
        try
        {
            var item = await contents.RestoreAsync(id, numero, revision, User.ActorName());
            TempData["Messaggio"] = $"Versione {numero} ripristinata come bozza (versione {item.LatestVersion}). Pubblicala per renderla visibile.";
            return Redirect($"/admin/contenuti/modifica/{id}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            TempData["Errore"] = e.Message;
            return Redirect($"/admin/contenuti/{id}/versioni");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
    }
}
