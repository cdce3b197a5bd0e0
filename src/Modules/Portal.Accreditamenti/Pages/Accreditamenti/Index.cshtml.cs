using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Comuni;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Accreditamenti;

/// <summary>"Accreditamenti" → "Accreditamento/Delega" (seed 000): ask to act for Comuni, follow the requests.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.Request")]
public sealed class IndexModel(AccreditationService service, RegionComuni comuni) : PageModel
{
    public IReadOnlyList<AccreditationRequest> Requests { get; private set; } = [];
    public IReadOnlyList<Comune> Comuni { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public bool AnagraficaMissing { get; private set; }
    public bool Sent { get; private set; }

    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(bool inviata, CancellationToken ct)
    {
        Sent = inviata;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await service.RequestAsync(User.GetPersonId()!.Value, Selected, Note, ct);
            return RedirectToPage(new { inviata = true });
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            ModelState.AddModelError("Comuni", e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var personId = User.GetPersonId()!.Value;
        AnagraficaMissing = await service.AnagraficaMissingAsync(personId, ct);
        Requests = await service.ForPersonAsync(personId, ct);
        Comuni = await comuni.ListAsync(ct);
        Names = await comuni.NamesAsync(Requests.Select(r => r.ComuneIstat), ct);
    }
}
