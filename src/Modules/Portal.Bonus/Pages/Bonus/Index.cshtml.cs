using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Bonus.Services;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Bonus.Pages.Bonus;

/// <summary>The open calls with their windows, the citizen's applications, and "Presenta una domanda".</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Bonus.Apply")]
[RequireAnagrafica]
public sealed class IndexModel(BandiService bandi, DomandeService domande, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BandoConFinestre> Bandi { get; private set; } = [];
    public IReadOnlyList<Domanda> Domande { get; private set; } = [];
    public DateTime NowUtc { get; private set; }
    public string? Errore { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostNuovaAsync(Guid bandoId)
    {
        try
        {
            var d = await domande.CreateAsync(User, bandoId, HttpContext.RequestAborted);
            return Redirect($"/bonus/domande/{d.Id}");
        }
        catch (PortalException e)
        {
            Errore = e.Message;
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Bandi = await bandi.OpenAsync(HttpContext.RequestAborted);
        Domande = await domande.MineAsync(User, HttpContext.RequestAborted);
    }
}
