using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Operatori;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ManageOperators")]
public sealed class EnteModificaModel(RegistryService registry) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Codice { get; set; }
    [BindProperty] public string? NuovoCodice { get; set; }
    [BindProperty] public string? Denominazione { get; set; }
    [BindProperty] public string? CodiceFiscale { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public bool Attivo { get; set; } = true;

    public bool IsNew => Codice is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew) return Page();
        var e = await registry.FindEnteAsync(Codice!, ct);
        if (e is null) return NotFound();
        (Denominazione, CodiceFiscale, Email, Attivo) = (e.Denominazione, e.CodiceFiscale, e.Email, e.Active);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var e = await registry.SaveEnteAsync(Codice, new EnteInput(NuovoCodice, Denominazione, CodiceFiscale, Email, Attivo), ct);
            TempData["Messaggio"] = $"Ente gestore {e.Denominazione} salvato.";
            return Redirect("/admin/enti");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            // The code of a new entry is bound as "NuovoCodice".
            ModelState.AddPortalError(PortalException.Invalid(e.Errors.ToDictionary(x => x.Key == "Codice" ? "NuovoCodice" : x.Key, x => x.Value)));
            return Page();
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
    }
}
