using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Model;

namespace Portal.Workflows.Pages.Admin.Workflows;

[Authorize(Policy = PermissionPolicy.Prefix + "Workflows.Manage")]
public sealed class VersioniFlussoModel(DefinitionStore store) : PageModel
{
    public IReadOnlyList<StoredDefinition> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        Versions = await store.VersionsAsync(code, HttpContext.RequestAborted);
        return Versions.Count == 0 ? NotFound() : Page();
    }
}
