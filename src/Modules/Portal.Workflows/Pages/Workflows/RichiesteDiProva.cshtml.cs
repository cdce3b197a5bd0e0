using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Workflows.Demo;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Pages.Workflows;

/// <summary>The demo workflow from the citizen's side: create a request, send it, follow its history.</summary>
[Authorize]
public sealed class RichiesteDiProvaModel(RichiesteDiProvaService service, IWorkflowEngine engine) : PageModel
{
    [BindProperty] public string? Oggetto { get; set; }
    [BindProperty] public bool Consenso { get; set; }

    public IReadOnlyList<RichiestaView> Richieste { get; private set; } = [];
    public Dictionary<Guid, IReadOnlyList<Definitions.TransitionDefinition>> Azioni { get; } = [];
    public string? OggettoError { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostNuovaAsync()
    {
        if (User.GetPersonId() is not { } personId) return Forbid();
        // A value the form cannot send (e.g. Consenso=forse) is refused, not read as "no consent" and saved.
        if (!ModelState.IsValid)
        {
            TempData["Errore"] = "I dati inviati non sono leggibili: ricaricare la pagina e riprovare.";
            return Redirect("/richieste-di-prova");
        }
        var oggetto = Oggetto?.Trim() ?? "";
        if (oggetto.Length == 0) OggettoError = "Indicare l'oggetto della richiesta.";
        else if (oggetto.Length > 200) OggettoError = "L'oggetto può avere al massimo 200 caratteri.";
        if (OggettoError is not null)
        {
            await LoadAsync();
            return Page();
        }
        var result = await service.CreateAsync(personId, oggetto, Consenso, WorkflowActor.From(User), HttpContext.RequestAborted);
        TempData[result.Succeeded ? "Messaggio" : "Errore"] = result.Succeeded ? "Richiesta creata in bozza." : result.Error;
        return Redirect("/richieste-di-prova");
    }

    public async Task<IActionResult> OnPostEseguiAsync(Guid istanza, string transizione, int revisione)
    {
        // Only the person's own requests: another's is "not found", and nothing of its state is told.
        if (User.GetPersonId() is not { } personId) return Forbid();
        if (await engine.GetAsync(istanza, HttpContext.RequestAborted) is not { } instance || instance.OwnerPersonId != personId
            || instance.SubjectType != Model.RichiestaDiProva.SubjectType)
            return NotFound();
        var result = await engine.FireAsync(istanza, transizione, WorkflowActor.From(User), null, revisione, HttpContext.RequestAborted);
        TempData[result.Succeeded ? "Messaggio" : "Errore"] = result.Succeeded ? $"Fatto: la richiesta ora è «{result.Instance!.StateLabel}»." : result.Error;
        return Redirect("/richieste-di-prova");
    }

    private async Task<bool> LoadAsync()
    {
        if (User.GetPersonId() is not { } personId) return false;
        Richieste = await service.OfPersonAsync(personId, HttpContext.RequestAborted);
        var actor = WorkflowActor.From(User);
        foreach (var r in Richieste.Where(r => r.Instance is not null))
            Azioni[r.Instance!.Id] = await engine.AvailableAsync(r.Instance.Id, actor, HttpContext.RequestAborted);
        return true;
    }
}
