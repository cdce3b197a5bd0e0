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
    public const int PerPagina = 50;
    public StatoFinestraPagina Stato { get; private set; } = null!;
    public IReadOnlyList<ComuneStato> Righe => Stato.Pagina;
    public string? Nome { get; private set; }
    public int Pagina { get; private set; } = 1;
    public int Pagine => Math.Max(1, (Stato.Righe + PerPagina - 1) / PerPagina);

    public string PageUrl(int pagina) =>
        $"?filtro={Uri.EscapeDataString(Filtro)}&nome={Uri.EscapeDataString(Nome ?? "")}&pagina={pagina}";
    public IReadOnlyList<Sollecito> Solleciti { get; private set; } = [];
    public string Filtro { get; private set; } = "tutti";
    public bool PuoSollecitare { get; private set; }
    public EsitoSollecito? Esito { get; private set; }
    public string? Errore { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid finestraId, string? filtro, string? nome, int pagina = 1, CancellationToken ct = default) =>
        await LoadAsync(finestraId, filtro, nome, pagina, ct) ? Page() : NotFound();

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
        return await LoadAsync(finestraId, "mancanti", null, 1, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid finestraId, string? filtro, string? nome, int pagina, CancellationToken ct)
    {
        Filtro = filtro is "inviati" or "mancanti" ? filtro : "tutti";
        Nome = string.IsNullOrWhiteSpace(nome) ? null : nome.Trim()[..Math.Min(nome.Trim().Length, 100)];
        Pagina = Math.Clamp(pagina, 1, 10_000);
        try
        {
            Stato = await regione.StatusPageAsync(finestraId, Filtro, Nome, Pagina, PerPagina, ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return false;
        }
        Solleciti = await solleciti.HistoryAsync(finestraId, ct);
        PuoSollecitare = await permissions.HasPermissionAsync(User, GraduatorieRegionePermissions.Remind.Name);
        return true;
    }
}
