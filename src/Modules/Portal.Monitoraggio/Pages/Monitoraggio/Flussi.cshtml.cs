using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Monitoraggio.Services;

namespace Portal.Monitoraggio.Pages.Monitoraggio;

/// <summary>The OperatoreEnte's page: send a feed (with a progress bar for the transfer) and the ente's upload history.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Monitoraggio.Upload")]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class FlussiModel(FlussiService service, FlussoQueries queries, IEntiGestori enti) : PageModel
{
    private const long MaxRequestBytes = 220L * 1024 * 1024;

    public string? Ente { get; private set; }
    public string? EnteNome { get; private set; }
    public IReadOnlyList<Flusso> Storico { get; private set; } = [];
    public IReadOnlyDictionary<string, Receipt> Ricevute { get; private set; } = new Dictionary<string, Receipt>();

    [BindProperty]
    public IFormFile? Flusso { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCaricaAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Ente is null)
        {
            ModelState.AddModelError(nameof(Flusso), "Il ruolo attivo non è abilitato per alcun ente gestore.");
            return Page();
        }
        if (Flusso is null || Flusso.Length == 0)
        {
            ModelState.AddModelError(nameof(Flusso), "Scegliere il file del flusso da inviare (non vuoto).");
            return Page();
        }
        try
        {
            await using var stream = Flusso.OpenReadStream();
            var sent = await service.UploadAsync(User, Ente, Apis.MonitoraggioApi.Clean(Flusso.FileName), stream, "web", ct);
            return Redirect($"/monitoraggio/flussi/{sent.Id}");
        }
        catch (PortalException e) when (e.Kind is PortalErrorKind.Invalid or PortalErrorKind.Forbidden or PortalErrorKind.Conflict)
        {
            ModelState.AddModelError(nameof(Flusso), e.Message);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = User.GetScopes(ScopeTypes.Ente);
        if (mine.Count == 0) return;
        Ente = mine[0];
        EnteNome = (await enti.FindAsync(Ente, ct))?.Denominazione;
        Storico = await queries.HistoryAsync(Ente, 100, ct);
        Ricevute = await queries.ReceiptsAsync(Storico.Select(f => f.Id), ct);
    }
}
