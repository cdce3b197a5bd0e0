using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Monitoraggio.Services;

namespace Portal.Monitoraggio.Pages.Monitoraggio;

/// <summary>One feed: progress while it is processed, then its outcome, the first 1,000 findings (paged), confirm or cancel.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Monitoraggio.Upload")]
public sealed class FlussoModel(FlussiService service, FlussoQueries queries) : PageModel
{
    public const int PageSize = 100;
    public const int Shown = 1000;

    public Flusso Flusso { get; private set; } = null!;
    public FlussoRicevuta Ricevuta { get; private set; } = new(null, null);
    public IReadOnlyList<FlussoSegnalazione> Segnalazioni { get; private set; } = [];
    public int Totale { get; private set; }
    public int Pagina { get; private set; } = 1;
    public int Pagine { get; private set; }
    public IReadOnlyDictionary<string, int> PerRegola { get; private set; } = new Dictionary<string, int>();
    public string? Errore { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? pagina, CancellationToken ct) => await LoadAsync(id, pagina, ct) ?? Page();

    public Task<IActionResult> OnPostConfermaAsync(Guid id, CancellationToken ct) => DecideAsync(id, service.ConfirmAsync, ct);

    public Task<IActionResult> OnPostAnnullaAsync(Guid id, CancellationToken ct) => DecideAsync(id, service.CancelAsync, ct);

    private async Task<IActionResult> DecideAsync(Guid id, Func<System.Security.Claims.ClaimsPrincipal, Guid, CancellationToken, Task<Flusso>> decide, CancellationToken ct)
    {
        try
        {
            await decide(User, id, ct);
            return Redirect($"/monitoraggio/flussi/{id}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            Errore = e.Message;
            return await LoadAsync(id, 1, ct) ?? Page();
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int? pagina, CancellationToken ct)
    {
        try
        {
            Flusso = await queries.GetAsync(User, id, ct);
        }
        catch (PortalException e) when (e.Kind is PortalErrorKind.NotFound or PortalErrorKind.Forbidden)
        {
            return NotFound();
        }
        // The page is the ente operator's: a reader of every ente (Funzionario) uses the reports.
        if (!User.HasScope(ScopeTypes.Ente, Flusso.EnteCode)) return NotFound();
        Ricevuta = await queries.RicevutaAsync(id, ct);
        PerRegola = Flusso.ConteggiRegole is null ? new Dictionary<string, int>() : JsonSerializer.Deserialize<Dictionary<string, int>>(Flusso.ConteggiRegole) ?? [];
        var (_, total) = await queries.IssuesAsync(id, 1, 1, ct);
        Totale = total;
        Pagine = Math.Max(1, (int)Math.Ceiling(Math.Min(total, Shown) / (double)PageSize));
        Pagina = Math.Clamp(pagina ?? 1, 1, Pagine);
        Segnalazioni = (await queries.IssuesAsync(id, Pagina, PageSize, ct)).Rows;
        return null;
    }
}
