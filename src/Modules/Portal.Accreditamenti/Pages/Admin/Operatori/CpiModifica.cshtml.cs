using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Operatori;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ManageOperators")]
public sealed class CpiModificaModel(RegistryService registry) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Codice { get; set; }
    [BindProperty] public string? NuovoCodice { get; set; }
    [BindProperty] public string? Nome { get; set; }
    [BindProperty] public string? Provincia { get; set; }
    [BindProperty] public bool Attivo { get; set; } = true;

    public bool IsNew => Codice is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsNew) return Page();
        var c = await registry.FindCpiAsync(Codice!, ct);
        if (c is null) return NotFound();
        (Nome, Provincia, Attivo) = (c.Nome, c.SiglaProvincia, c.Active);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var c = await registry.SaveCpiAsync(Codice, new CpiInput(NuovoCodice, Nome, Provincia, Attivo), ct);
            TempData["Messaggio"] = $"{c.Nome} salvato.";
            return Redirect("/admin/cpi");
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
