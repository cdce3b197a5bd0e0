using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Anagrafica.Services;
using Portal.Core.Pages.Core;
using Portal.Core.Security;

namespace Portal.Anagrafica.Pages.Anagrafica;

/// <summary>The Anagrafica form: always the signed-in person's own, whatever the query string says.</summary>
[Authorize]
public sealed class IndexModel(AnagraficaService service, AnagraficaLookups lookups) : PageModel
{
    [BindProperty]
    public AnagraficaInput Input { get; set; } = new();

    public FixedFields Fixed { get; private set; } = null!;
    public bool Compilata { get; private set; }
    public bool Precompilata { get; private set; }
    public DateTime? LastSavedUtc { get; private set; }
    public bool Saved { get; private set; }
    public string? FormError { get; private set; }
    public string? ReturnUrl { get; private set; }
    public IReadOnlyList<CodedValue> StatiCivili { get; private set; } = [];
    public IReadOnlyList<CodedValue> TitoliStudio { get; private set; } = [];
    public IReadOnlyList<CodedValue> TitoliSoggiorno { get; private set; } = [];
    public IReadOnlyList<AnagraficaLookups.Cittadinanza> Cittadinanze { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? esito, CancellationToken ct)
    {
        var view = await service.LoadAsync(User.GetPersonId()!.Value, ct);
        if (view is null) return NotFound();
        Input = view.Input;
        Show(view);
        Saved = esito == "salvato" && view.Compilata;
        ReturnUrl = LocalUrl.OrNull(returnUrl);
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        var personId = User.GetPersonId()!.Value;
        ReturnUrl = LocalUrl.OrNull(returnUrl);
        // Binding problems (e.g. a non-numeric version) are answered by the service's own checks.
        ModelState.Clear();
        var outcome = await service.SaveAsync(personId, Input, ct);
        if (outcome.Status == SaveStatus.Saved)
            return Redirect("/anagrafica?esito=salvato" + (ReturnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(ReturnUrl)));

        foreach (var (field, message) in outcome.Errors.Where(e => e.Key.Length > 0 && e.Key != nameof(AnagraficaInput.Versione)))
            ModelState.AddModelError("Input." + field, message);
        FormError = outcome.Status switch
        {
            SaveStatus.Conflict => SaveOutcome.ConflictMessage,
            SaveStatus.Failed => SaveOutcome.FailedMessage,
            _ => outcome.Errors.Count == 1 ? "Il salvataggio non è avvenuto: correggere il campo indicato in rosso." : $"Il salvataggio non è avvenuto: correggere i {outcome.Errors.Count} campi indicati in rosso.",
        };
        var view = await service.LoadAsync(personId, ct);
        Show(view!);
        await LoadOptionsAsync(ct);
        return Page();
    }

    private void Show(AnagraficaView view)
    {
        Fixed = view.Fixed;
        Compilata = view.Compilata;
        Precompilata = view.PrecompilataDalRegistro;
        LastSavedUtc = view.LastSavedUtc;
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        StatiCivili = await lookups.TableAsync(AnagraficaLookups.StatoCivile, ct);
        TitoliStudio = await lookups.TableAsync(AnagraficaLookups.TitoloStudio, ct);
        TitoliSoggiorno = await lookups.TableAsync(AnagraficaLookups.TitoloSoggiorno, ct);
        Cittadinanze = await lookups.CittadinanzeAsync(ct);
    }
}
