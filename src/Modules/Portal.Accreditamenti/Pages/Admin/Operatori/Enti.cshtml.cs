using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Operatori;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ManageOperators")]
public sealed class EntiModel(RegistryService registry) : PageModel
{
    public IReadOnlyList<EnteGestore> Enti { get; private set; } = [];
    public IReadOnlyList<CentroImpiego> Cpi { get; private set; } = [];
    public bool ShowCpi { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShowCpi = Request.Path.StartsWithSegments("/admin/cpi");
        if (ShowCpi) Cpi = await registry.CpiAsync(ct);
        else Enti = await registry.EntiAsync(ct);
    }
}
