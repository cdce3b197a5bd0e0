using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Pages.Admin.Accreditamenti;

/// <summary>One request: approve (optional reason), reject (reason required) or revoke an approved one (reason required).</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.Manage")]
public sealed class DettaglioModel(AccreditationService service, RegionComuni comuni, IPeople people) : PageModel
{
    public AccreditationRequest Item { get; private set; } = null!;
    public string ComuneName { get; private set; } = "";
    public PersonInfo? Person { get; private set; }

    [BindProperty] public string? ApprovaMotivo { get; set; }
    [BindProperty] public string? RespingiMotivo { get; set; }
    [BindProperty] public string? RevocaMotivo { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApprovaAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "Approva", () => service.ApproveAsync(id, ApprovaMotivo, Actor.Describe(User), ct), "Richiesta approvata: la persona è ora operatore del Comune.", ct);

    public Task<IActionResult> OnPostRespingiAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "Respingi", () => service.RejectAsync(id, RespingiMotivo, Actor.Describe(User), ct), "Richiesta respinta.", ct);

    public Task<IActionResult> OnPostRevocaAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "Revoca", () => service.RevokeAsync(id, RevocaMotivo, Actor.Describe(User), ct), "Accreditamento revocato.", ct);

    private async Task<IActionResult> ActAsync(Guid id, string form, Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Messaggio"] = done;
            return RedirectToPage(new { id });
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            // Each form's field is named after the form ("ApprovaMotivo"); the service names it "Motivo".
            ModelState.AddPortalError(PortalException.Invalid(e.Errors.ToDictionary(x => form + x.Key, x => x.Value)));
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            TempData["Errore"] = e.Message;
            return RedirectToPage(new { id });
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var r = await service.FindAsync(id, ct);
        if (r is null) return false;
        Item = r;
        ComuneName = (await comuni.NamesAsync([r.ComuneIstat], ct)).GetValueOrDefault(r.ComuneIstat, r.ComuneIstat);
        Person = await people.FindAsync(r.PersonId, ct);
        return true;
    }
}
