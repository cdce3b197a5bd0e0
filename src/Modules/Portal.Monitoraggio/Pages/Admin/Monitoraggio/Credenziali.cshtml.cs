using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Monitoraggio.Services;

namespace Portal.Monitoraggio.Pages.Admin.Monitoraggio;

/// <summary>The Amministratore issues the enti's API credentials (the token shown once, in this answer only) and revokes them.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Monitoraggio.Credentials")]
public sealed class CredenzialiModel(CredenzialiApiService service, IEntiGestori enti) : PageModel
{
    [BindProperty] public string? Ente { get; set; }
    [BindProperty] public string? Etichetta { get; set; }

    public IReadOnlyList<EnteGestoreInfo> Enti { get; private set; } = [];
    public IReadOnlyList<CredenzialeApi> Credenziali { get; private set; } = [];
    /// <summary>Set only in the answer to the issue: the token is never shown again.</summary>
    public CredenzialeRilasciata? Rilasciata { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRilasciaAsync(CancellationToken ct)
    {
        try
        {
            Rilasciata = await service.IssueAsync(Ente, Etichetta, User.ActorName(), ct);
            ModelState.Clear();
            Ente = null;
            Etichetta = null;
            // The token must not be kept by the browser's cache or history.
            Response.Headers.CacheControl = "no-store";
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevocaAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var c = await service.RevokeAsync(id, User.ActorName(), ct);
            TempData["Messaggio"] = $"Credenziale «{c.Etichetta}» dell'ente {c.EnteCode} revocata: il suo token non è più accettato.";
        }
        catch (PortalException e) when (e.Kind is PortalErrorKind.Conflict or PortalErrorKind.NotFound)
        {
            TempData["Errore"] = e.Message;
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Enti = await enti.ListAsync(ct);
        Credenziali = await service.ListAsync(null, ct);
    }
}
