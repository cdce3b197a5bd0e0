using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.Admin.Graduatorie;

/// <summary>Build (at a closed window), approve with the decree, publish.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.ViewAll")]
public sealed class GraduatoriaModel(GraduatoriaRegionaleService graduatorie, FinestreGraduatorie finestre, IPermissionService permissions, TimeProvider clock) : PageModel
{
    public FinestraGraduatoria Finestra { get; private set; } = null!;
    public FinestraState StatoFinestra { get; private set; }
    public GraduatoriaDettaglio? Graduatoria { get; private set; }
    public bool PuoCostruire { get; private set; }
    public bool PuoApprovare { get; private set; }
    public bool PuoPubblicare { get; private set; }
    public string? Errore { get; private set; }

    /// <summary>The refusal of a decree field (decretoNumero, decretoData), as the service wrote it.</summary>
    public string? ErrorOf(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    [BindProperty] public string? DecretoNumero { get; set; }
    [BindProperty] public string? DecretoData { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid finestraId, CancellationToken ct) => await LoadAsync(finestraId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCostruisciAsync(Guid finestraId, CancellationToken ct) =>
        ActAsync(finestraId, GraduatorieRegionePermissions.Build, "La graduatoria è stata costruita.",
            () => graduatorie.BuildAsync(finestraId, By, ct), ct);

    public Task<IActionResult> OnPostApprovaAsync(Guid finestraId, CancellationToken ct) =>
        ActAsync(finestraId, GraduatorieRegionePermissions.Approve, "La graduatoria è stata approvata.",
            () => graduatorie.ApproveAsync(finestraId, DecretoNumero, DecretoData, By, ct), ct);

    public Task<IActionResult> OnPostPubblicaAsync(Guid finestraId, CancellationToken ct) =>
        ActAsync(finestraId, GraduatorieRegionePermissions.Publish, "La graduatoria è stata pubblicata sul sito.",
            () => graduatorie.PublishAsync(finestraId, By, ct), ct);

    private string By => User.ActorName();

    private async Task<IActionResult> ActAsync(Guid finestraId, Permission permission, string done, Func<Task<GraduatoriaDettaglio>> action, CancellationToken ct)
    {
        if (!await permissions.HasPermissionAsync(User, permission.Name)) return Forbid();
        try
        {
            await action();
            TempData["Messaggio"] = done;
            return Redirect($"/admin/graduatorie/{finestraId}/graduatoria");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            Errore = e.Message;
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        return await LoadAsync(finestraId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid finestraId, CancellationToken ct)
    {
        try
        {
            Finestra = await finestre.GetAsync(finestraId, ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return false;
        }
        StatoFinestra = Finestra.Info.StateAt(clock.GetUtcNow());
        Graduatoria = await graduatorie.GetAsync(finestraId, ct);
        PuoCostruire = await permissions.HasPermissionAsync(User, GraduatorieRegionePermissions.Build.Name);
        PuoApprovare = await permissions.HasPermissionAsync(User, GraduatorieRegionePermissions.Approve.Name);
        PuoPubblicare = await permissions.HasPermissionAsync(User, GraduatorieRegionePermissions.Publish.Name);
        return true;
    }
}
