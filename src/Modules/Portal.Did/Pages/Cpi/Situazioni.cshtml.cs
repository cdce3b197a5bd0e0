using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Did.Services;

namespace Portal.Did.Pages.Cpi;

/// <summary>The Situazione Occupazionale of the CPI's people: list, one person's state, CSV import (all or nothing).</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Did.Cpi")]
public sealed class SituazioniModel(SituazioneService service, SituazioneImport import) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? CodiceFiscale { get; set; }
    [BindProperty] public string? Cognome { get; set; }
    [BindProperty] public string? Nome { get; set; }
    [BindProperty] public string? Stato { get; set; }
    [BindProperty] public string? Dal { get; set; }
    [BindProperty] public IFormFile? Csv { get; set; }

    public IReadOnlyList<Model.SituazioneOccupazionale> Rows { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? esito, CancellationToken ct)
    {
        Message = esito;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSalvaAsync(CancellationToken ct)
    {
        try
        {
            var row = await service.SaveAsync(User, new SituazioneService.Input(CodiceFiscale, Cognome, Nome, Stato, Dal), ct);
            return Redirect("/cpi/situazioni?esito=" + Uri.EscapeDataString($"Situazione di {row.Cognome} {row.Nome} salvata."));
        }
        catch (PortalException e)
        {
            ModelState.Clear();
            ModelState.AddPortalError(e, "salva");
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostImportaAsync(CancellationToken ct)
    {
        try
        {
            if (Csv is null) throw PortalException.Invalid("file", "Allegare il file CSV.");
            using var ms = new MemoryStream();
            await Csv.CopyToAsync(ms, ct);
            var n = await import.ImportAsync(User, ms.ToArray(), ct);
            return Redirect("/cpi/situazioni?esito=" + Uri.EscapeDataString($"Importate {n} righe."));
        }
        catch (PortalException e)
        {
            ModelState.Clear();
            ModelState.AddPortalError(e, "importa");
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try { Rows = await service.ListAsync(User, Q, ct); }
        catch (PortalException e) { ModelState.AddPortalError(e, "cerca"); }
    }

    public string? ErrorFor(string key) =>
        ModelState.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.Errors.FirstOrDefault()?.ErrorMessage;
}
