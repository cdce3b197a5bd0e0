using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Operatori;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ManageOperators")]
public sealed class AbilitazioniModel(EnablementService service) : PageModel
{
    public IReadOnlyList<EnablementRow> Rows { get; private set; } = [];
    public string? Ruolo { get; private set; }
    public bool SoloAttive { get; private set; }

    public async Task OnGetAsync(string? ruolo, bool soloAttive, CancellationToken ct)
    {
        (Ruolo, SoloAttive) = (ruolo, soloAttive);
        Rows = await service.ListAsync(ruolo, soloAttive, ct);
    }
}
