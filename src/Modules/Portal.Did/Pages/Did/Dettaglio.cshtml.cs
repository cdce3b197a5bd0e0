using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Did.Apis;
using Portal.Did.Services;

namespace Portal.Did.Pages.Did;

/// <summary>One of the person's DIDs: the declarations as sent, every state change in plain Italian, "Stampa" and "Revoca".</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Did.Send")]
public sealed class DettaglioModel(DidService service, DidDetails details) : PageModel
{
    public DidDetailDto Detail { get; private set; } = null!;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool inviata, CancellationToken ct)
    {
        try { Detail = await details.DetailAsync(await service.OwnAsync(User, id, ct), ct); }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound) { return NotFound(); }
        if (inviata) Message = $"D.I.D. inviata il {Detail.Dichiarazione.InviataIlTesto}. Fissa l'appuntamento per il primo colloquio con il {Detail.Cpi} entro il {Detail.Dichiarazione.ScadenzaAppuntamentoTesto}.";
        return Page();
    }

    public async Task<IActionResult> OnPostRevocaAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await service.RevocaAsync(User, id, ct);
            return Redirect($"/did/{id}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound) { return NotFound(); }
        catch (PortalException e)
        {
            ModelState.AddPortalError(e);
            Detail = await details.DetailAsync(await service.OwnAsync(User, id, ct), ct);
            return Page();
        }
    }
}
