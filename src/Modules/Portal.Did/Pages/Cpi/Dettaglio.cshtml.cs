using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Did.Apis;
using Portal.Did.Services;

namespace Portal.Did.Pages.Cpi;

/// <summary>A DID of the operator's CPI: record the appointment, the interview's outcome or a justified reason.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Did.Cpi")]
public sealed class DettaglioModel(CpiService service, DidDetails details) : PageModel
{
    public DidDetailDto Detail { get; private set; } = null!;
    public Dichiarazione Did { get; private set; } = null!;

    [BindProperty] public string? DataOra { get; set; }
    [BindProperty] public string? Luogo { get; set; }
    [BindProperty] public string? Esito { get; set; }
    [BindProperty] public string? Nota { get; set; }
    [BindProperty] public string? Motivo { get; set; }
    public string? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostColloquioAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "colloquio", () => service.ColloquioAsync(User, id, DataOra, Luogo, ct), ct);

    public Task<IActionResult> OnPostEsitoAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "esito", () => service.EsitoAsync(User, id, Esito, Nota, ct), ct);

    public Task<IActionResult> OnPostGiustificaAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, "giustifica", () => service.GiustificaAsync(User, id, Motivo, DataOra, Luogo, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, string form, Func<Task<Dichiarazione>> action, CancellationToken ct)
    {
        try
        {
            await action();
            return Redirect($"/cpi/did/{id}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound) { return NotFound(); }
        catch (PortalException e)
        {
            ModelState.Clear();
            ModelState.AddPortalError(e, form);
            Form = form;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try { Did = await service.GetAsync(User, id, ct); }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound) { return false; }
        Detail = await details.DetailAsync(Did, ct);
        return true;
    }

    public string? ErrorFor(string form, string field) =>
        ModelState.FirstOrDefault(kv => string.Equals(kv.Key, $"{form}.{field}", StringComparison.OrdinalIgnoreCase)).Value?.Errors.FirstOrDefault()?.ErrorMessage;

    public string? GeneralError => ModelState.TryGetValue("", out var e) ? e.Errors.FirstOrDefault()?.ErrorMessage : null;
}
