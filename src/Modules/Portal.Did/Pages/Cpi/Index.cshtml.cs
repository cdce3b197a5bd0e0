using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Did.Apis;
using Portal.Did.Services;

namespace Portal.Did.Pages.Cpi;

/// <summary>The OperatoreCpi's list: only their CPI's DIDs, with filters, paging, the 5-day term in words and the Excel export.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Did.Cpi")]
public sealed class IndexModel(CpiService service, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stato { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dal { get; set; }
    [BindProperty(SupportsGet = true)] public string? Al { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pagina { get; set; }

    public CpiPage? Result { get; private set; }
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        try
        {
            Result = await service.ListAsync(User, new CpiFilter(Stato, DidApi.ParseDate(Dal, "dal"), DidApi.ParseDate(Al, "al"), Q, DidApi.ParsePage(Pagina)), ct);
        }
        catch (PortalException e)
        {
            ModelState.AddPortalError(e);
        }
        return Page();
    }

    public string? ErrorFor(string field) =>
        ModelState.FirstOrDefault(kv => string.Equals(kv.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Query(int pagina) =>
        $"?stato={Uri.EscapeDataString(Stato ?? "")}&dal={Uri.EscapeDataString(Dal ?? "")}&al={Uri.EscapeDataString(Al ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&pagina={pagina}";

    public string Deadline(DidListItem d)
    {
        if (d.Stato != Model.StatoDid.Inviata) return "";
        var left = d.ScadenzaAppuntamentoUtc - Now;
        return left <= TimeSpan.Zero ? "Termine per l'appuntamento scaduto"
            : left < TimeSpan.FromDays(2) ? $"Attenzione: termine in scadenza il {Portal.Core.Time.RomeTime.Format(d.ScadenzaAppuntamentoUtc)}"
            : $"Entro il {Portal.Core.Time.RomeTime.Format(d.ScadenzaAppuntamentoUtc)}";
    }
}
