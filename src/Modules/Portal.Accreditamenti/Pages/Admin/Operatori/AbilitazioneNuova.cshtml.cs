using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Operatori;

/// <summary>Enables an operator of an ente or CPI, or a Funzionario, on the request of the ente/CPI/manager (seed 003).</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ManageOperators")]
public sealed class AbilitazioneNuovaModel(EnablementService service, RegistryService registry) : PageModel
{
    [BindProperty(SupportsGet = true)] public EnablementKind Tipo { get; set; }
    [BindProperty] public string? Ambito { get; set; }
    [BindProperty] public string? Nome { get; set; }
    [BindProperty] public string? Cognome { get; set; }
    [BindProperty] public string? CodiceFiscale { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? RichiestoDa { get; set; }
    [BindProperty] public string? Motivo { get; set; }

    public IReadOnlyList<EnteGestore> Enti { get; private set; } = [];
    public IReadOnlyList<CentroImpiego> Cpi { get; private set; } = [];

    public string Title => Tipo switch
    {
        EnablementKind.Ente => "Abilita un operatore di un ente gestore",
        EnablementKind.Cpi => "Abilita un operatore di un Centro per l'Impiego",
        _ => "Abilita un funzionario regionale",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Tipo)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Tipo)) return NotFound();
        try
        {
            var row = await service.EnableAsync(new EnablementInput(Tipo, Ambito, Nome, Cognome, CodiceFiscale, Email, RichiestoDa, Motivo), Actor.Describe(User), ct);
            TempData["Messaggio"] = $"{row.Nome} {row.Cognome} abilitato come {EnablementService.RoleLabel(row.Ruolo)}{(row.Ambito is null ? "" : " (" + row.Ambito + ")")}.";
            return Redirect("/admin/abilitazioni");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Tipo == EnablementKind.Ente) Enti = (await registry.EntiAsync(ct)).Where(e => e.Active).ToList();
        if (Tipo == EnablementKind.Cpi) Cpi = (await registry.CpiAsync(ct)).Where(c => c.Active).ToList();
    }
}
