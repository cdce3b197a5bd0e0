using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Data;
using Portal.Bonus.Services;
using Portal.Core.Errors;
using Portal.Core.Protocol;
using Portal.Core.Security;

namespace Portal.Bonus.Pages.Admin.Bonus;

/// <summary>
/// The Funzionario's office for the cancellation requests (art. 4): the sent applications whose applicant asked for
/// the cancellation, each with the reason given and a form that cancels it (AnnullataSuRichiesta, audited by
/// <see cref="DomandeService.CancelAsync"/>); below, the ones cancelled most recently.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Bonus.ViewAll")]
[Authorize(Policy = PermissionPolicy.Prefix + "Bonus.Cancel")]
public sealed class AnnullamentiModel(BonusDbContext db, DomandeService domande, IProtocolRegister protocol) : PageModel
{
    public const int Recenti = 20;

    public IReadOnlyList<Domanda> InAttesa { get; private set; } = [];
    public IReadOnlyList<Domanda> Annullate { get; private set; } = [];
    public Dictionary<Guid, string> Protocolli { get; } = [];
    public Guid? InErrore { get; private set; }
    public string? ErroreMotivo { get; private set; }
    public string? ErroreGenerale { get; private set; }
    public string? PostedMotivo { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAnnullaAsync(Guid id, string? motivo)
    {
        try
        {
            var d = await domande.CancelAsync(User, id, motivo, HttpContext.RequestAborted);
            TempData["Messaggio"] = $"Domanda di {d.Cognome} {d.Nome} annullata su richiesta: il richiedente può presentarne una nuova.";
            return Redirect("/admin/bonus/annullamenti");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (PortalException e)
        {
            InErrore = id;
            PostedMotivo = motivo;
            if (e.Errors.TryGetValue("motivo", out var m)) ErroreMotivo = m;
            else ErroreGenerale = e.Message;
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        InAttesa = await db.Domande.AsNoTracking()
            .Where(d => d.AnnullamentoRichiestoUtc != null && d.InviataUtc != null && d.AnnullataUtc == null && d.Stato != StatoDomanda.AnnullataSuRichiesta)
            .OrderBy(d => d.AnnullamentoRichiestoUtc).Take(200).ToListAsync(ct);
        Annullate = await db.Domande.AsNoTracking().Where(d => d.Stato == StatoDomanda.AnnullataSuRichiesta && d.AnnullataUtc != null)
            .OrderByDescending(d => d.AnnullataUtc).Take(Recenti).ToListAsync(ct);
        foreach (var d in InAttesa.Concat(Annullate))
            if (await protocol.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct) is { } p) Protocolli[d.Id] = p.Segnatura;
    }
}
