using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.Admin.Graduatorie;

/// <summary>Status of the region's Comuni for a Finestra, with the "Invia sollecito" action.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.ViewAll")]
public sealed class FinestraModel(RegioneService regione, RegioneSolleciti solleciti, IPermissionService permissions) : PageModel
{
    public StatoFinestra Stato { get; private set; } = null!;
    public IReadOnlyList<ComuneStato> Righe { get; private set; } = [];
    public IReadOnlyList<Sollecito> Solleciti { get; private set; } = [];
    public string Filtro { get; private set; } = "tutti";
    public bool PuoSollecitare { get; private set; }
    public EsitoSollecito? Esito { get; private set; }
    public string? Errore { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid finestraId, string? filtro, CancellationToken ct) =>
        await LoadAsync(finestraId, filtro, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSollecitoAsync(Guid finestraId, CancellationToken ct)
    {
        if (!await permissions.HasPermissionAsync(User, GraduatorieRegionePermissions.Remind.Name)) return Forbid();
        try
        {
            Esito = await solleciti.SendAsync(finestraId, User.ActorName(), ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            Errore = e.Message;
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        return await LoadAsync(finestraId, "mancanti", ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid finestraId, string? filtro, CancellationToken ct)
    {
        try
        {
            Stato = await regione.StatusAsync(finestraId, ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return false;
        }
        Filtro = filtro is "inviati" or "mancanti" ? filtro : "tutti";
        Righe = Filtro switch
        {
            "inviati" => Stato.Comuni.Where(c => c.Inviato).ToList(),
            "mancanti" => Stato.Comuni.Where(c => !c.Inviato).ToList(),
            _ => Stato.Comuni,
        };
        Solleciti = await solleciti.HistoryAsync(finestraId, ct);
        PuoSollecitare = await permissions.HasPermissionAsync(User, GraduatorieRegionePermissions.Remind.Name);
        return true;
    }
}
