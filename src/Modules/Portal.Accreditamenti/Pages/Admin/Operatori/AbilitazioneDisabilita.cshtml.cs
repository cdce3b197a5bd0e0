using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Operatori;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ManageOperators")]
public sealed class AbilitazioneDisabilitaModel(EnablementService service) : PageModel
{
    public EnablementRow Row { get; private set; } = null!;
    [BindProperty] public string? Motivo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var row = await service.FindAsync(id, ct);
        if (row is null) return NotFound();
        Row = row;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await service.DisableAsync(id, Motivo, Actor.Describe(User), ct);
            TempData["Messaggio"] = "Abilitazione disattivata.";
            return Redirect("/admin/abilitazioni");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            TempData["Errore"] = e.Message;
            return Redirect("/admin/abilitazioni");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        return await OnGetAsync(id, ct);
    }
}
