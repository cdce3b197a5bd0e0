using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Did.Services;

namespace Portal.Did.Pages.Did;

/// <summary>"Nuova DID": the Anagrafica fields read-only, the seed's declarations as separate checkboxes, one DID per form key.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Did.Send")]
public sealed class NuovaModel(DidService service, IAnagraficaReader anagrafica, RegionComuni comuni) : PageModel
{
    [BindProperty] public DidInput Input { get; set; } = new();
    /// <summary>The form's idempotency key: a double click or a resubmission sends one DID.</summary>
    [BindProperty] public string? Chiave { get; set; }

    public SituazioneView Situazione { get; private set; } = null!;
    public AnagraficaSummary? Anagrafica { get; private set; }
    public string? ComuneNome { get; private set; }
    public IReadOnlyList<VoceDichiarazione> Voci { get; private set; } = [];
    public int Giorni => service.GiorniAppuntamento;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Redirect("/did");
        Chiave = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var outcome = await service.SendAsync(User, Input, Chiave, ct);
            return Redirect($"/did/{outcome.Dichiarazione.Id}?inviata=true");
        }
        catch (PortalException e)
        {
            ModelState.Clear();
            ModelState.AddPortalError(e, "Input");
            if (!await LoadAsync(ct)) return Redirect("/did");
            if (string.IsNullOrEmpty(Chiave) || Chiave.Length > 100) Chiave = Guid.NewGuid().ToString("N");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!(await service.AccessAsync(User, ct)).Allowed) return false;
        Situazione = await service.SituazioneAsync(User, ct);
        Anagrafica = await anagrafica.FindAsync(User.GetPersonId()!.Value, ct);
        if (Anagrafica?.ResidenzaComuneIstat is { } istat) ComuneNome = (await comuni.NamesAsync([istat], ct)).GetValueOrDefault(istat);
        Voci = Dichiarazioni.Voci(service.GiorniAppuntamento);
        return true;
    }

    public string? ErrorFor(string codice) =>
        ModelState.FirstOrDefault(kv => string.Equals(kv.Key, "Input." + codice, StringComparison.OrdinalIgnoreCase)).Value?.Errors.FirstOrDefault()?.ErrorMessage;

    public string? Summary => ModelState.TryGetValue("", out var e) ? e.Errors.FirstOrDefault()?.ErrorMessage
        : ModelState.FirstOrDefault(kv => kv.Key.Equals("Input.idempotencyKey", StringComparison.OrdinalIgnoreCase)).Value?.Errors.FirstOrDefault()?.ErrorMessage;

    public static string PropertyName(string codice) => char.ToUpperInvariant(codice[0]) + codice[1..];
}
