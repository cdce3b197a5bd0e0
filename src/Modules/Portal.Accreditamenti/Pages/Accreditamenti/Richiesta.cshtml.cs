using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Security;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Pages.Accreditamenti;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.Request")]
public sealed class RichiestaModel(AccreditationService service, RegionComuni comuni) : PageModel
{
    public AccreditationRequest Item { get; private set; } = null!;
    public string ComuneName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var r = await service.FindAsync(id, ct);
        // Someone else's request is simply not found.
        if (r is null || r.PersonId != User.GetPersonId()) return NotFound();
        Item = r;
        ComuneName = (await comuni.NamesAsync([r.ComuneIstat], ct)).GetValueOrDefault(r.ComuneIstat, r.ComuneIstat);
        return Page();
    }
}
