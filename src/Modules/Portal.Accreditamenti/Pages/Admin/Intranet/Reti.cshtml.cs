using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Intranet;

/// <summary>The intranet ranges of the Funzionario restriction, edited by whoever manages the portal's settings.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Core.ManageSettings")]
public sealed class RetiModel(IntranetNetworks networks) : PageModel
{
    [BindProperty] public string? Reti { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool salvato, CancellationToken ct)
    {
        Saved = salvato;
        Reti = string.Join(", ", await networks.GetAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await networks.SaveAsync(Reti, User.ActorName(), ct);
            return RedirectToPage(new { salvato = true });
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
            return Page();
        }
    }
}
