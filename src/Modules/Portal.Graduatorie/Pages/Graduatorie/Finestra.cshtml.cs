using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Comuni;
using Portal.Contents.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Pages.Graduatorie;

/// <summary>
/// The operator page of seed 001 for one Finestra: 1 downloads, 2 upload (with "Verifica senza inviare"),
/// 3 history of the selected Comune, 4 rows in error of the latest upload.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.Upload")]
public sealed class FinestraModel(GraduatorieService service, InvioQueries queries, FinestreGraduatorie finestre, RegionComuni regionComuni, TimeProvider clock) : PageModel
{
    public FinestraGraduatoria Finestra { get; private set; } = null!;
    public FinestraState State { get; private set; }
    public IReadOnlyList<(string Istat, string Nome)> Comuni { get; private set; } = [];
    /// <summary>The Avviso's published documents: the operator manual is one of them.</summary>
    public IReadOnlyList<AvvisoDocument> Documents => Finestra.Avviso.Documents;
    public IReadOnlyList<Invio> History { get; private set; } = [];
    public IReadOnlyDictionary<Guid, InvioRicevuta> Ricevute { get; private set; } = new Dictionary<Guid, InvioRicevuta>();
    public Invio? Valid => History.FirstOrDefault(i => i.Stato == StatoInvio.Valido);
    /// <summary>The upload whose outcome section 2 shows: the one just sent or decided, or one still waiting.</summary>
    public Invio? Outcome { get; private set; }
    /// <summary>The upload section 4 lists the findings of: the latest.</summary>
    public Invio? Latest { get; private set; }
    public IReadOnlyList<RigaSegnalata> Segnalazioni { get; private set; } = [];
    public ValidationResult? DryRun { get; private set; }
    public string? DryRunFileName { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Comune { get; set; }
    [BindProperty(SupportsGet = true, Name = "invio")] public Guid? InvioId { get; set; }
    [BindProperty] public IFormFile? Elenco { get; set; }
    [BindProperty] public bool ConfermaSostituzione { get; set; }

    public string ComuneName(string istat) => Comuni.FirstOrDefault(c => c.Istat == istat).Nome ?? istat;

    public async Task<IActionResult> OnGetAsync(Guid finestraId, CancellationToken ct) =>
        await LoadAsync(finestraId, ct) ?? Page();

    public async Task<IActionResult> OnPostCaricaAsync(Guid finestraId, CancellationToken ct)
    {
        if (await LoadAsync(finestraId, ct) is { } notFound) return notFound;
        if (!ModelState.IsValid) return Page();
        if (Valid is { } valid && !ConfermaSostituzione)
            ModelState.AddModelError(nameof(ConfermaSostituzione),
                $"Confermare che il nuovo invio sostituirà l'elenco valido del {RomeTimeDate(valid)} ({valid.RowCount} righe).");
        UploadedFile? file = null;
        try
        {
            file = await UploadedFile.ReadAsync(Elenco, nameof(Elenco), ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        if (!ModelState.IsValid || file is null) return Page();
        try
        {
            var outcome = await service.UploadAsync(User, Finestra.Info.Id, Comune!, file, ct);
            return RedirectToPage(new { finestraId, comune = Comune, invio = outcome.Invio.Id });
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            ModelState.AddModelError(nameof(Elenco), e.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostVerificaAsync(Guid finestraId, CancellationToken ct)
    {
        if (await LoadAsync(finestraId, ct) is { } notFound) return notFound;
        if (!ModelState.IsValid) return Page();
        try
        {
            var file = await UploadedFile.ReadAsync(Elenco, nameof(Elenco), ct);
            DryRun = await service.DryRunAsync(User, Finestra.Info.Id, Comune!, file, ct);
            DryRunFileName = Path.GetFileName(file.FileName);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.TooManyRequests)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(nameof(Elenco), e.Message);
        }
        return Page();
    }

    public Task<IActionResult> OnPostConfermaAsync(Guid finestraId, Guid id, CancellationToken ct) =>
        DecideAsync(finestraId, id, service.ConfirmAsync, ct);

    public Task<IActionResult> OnPostAnnullaAsync(Guid finestraId, Guid id, CancellationToken ct) =>
        DecideAsync(finestraId, id, service.CancelAsync, ct);

    private async Task<IActionResult> DecideAsync(Guid finestraId, Guid id,
        Func<System.Security.Claims.ClaimsPrincipal, Guid, CancellationToken, Task<Invio>> decide, CancellationToken ct)
    {
        try
        {
            var invio = await decide(User, id, ct);
            return RedirectToPage(new { finestraId, comune = invio.ComuneIstat, invio = invio.Id });
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Forbidden)
        {
            return Forbid();
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            InvioId = id;
            if (await LoadAsync(finestraId, ct) is { } notFound) return notFound;
            ModelState.AddModelError("Decisione", e.Message);
            return Page();
        }
    }

    /// <returns>A result to return instead of the page (not found), or null.</returns>
    private async Task<IActionResult?> LoadAsync(Guid finestraId, CancellationToken ct)
    {
        try
        {
            Finestra = await finestre.GetAsync(finestraId, ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        State = Finestra.Info.StateAt(clock.GetUtcNow());
        var scopes = User.GetScopes(ScopeTypes.Comune);
        var names = await regionComuni.NamesAsync(scopes, ct);
        Comuni = scopes.Select(s => (s, names.GetValueOrDefault(s) ?? s)).OrderBy(c => c.Item2, StringComparer.CurrentCulture).ToList();
        if (Comune is not null && !scopes.Contains(Comune))
        {
            ModelState.AddModelError(nameof(Comune), $"Non si è operatori accreditati per il Comune {Comune}: sceglierne uno dall'elenco.");
            Comune = null;
            return null;
        }
        Comune ??= Comuni.FirstOrDefault().Istat;
        if (Comune is null) return null;

        History = await queries.HistoryAsync(User, finestraId, Comune, ct);
        Ricevute = await queries.RicevuteAsync(History.Select(i => i.Id), ct);
        Latest = History.FirstOrDefault();
        Outcome = InvioId is { } id ? History.FirstOrDefault(i => i.Id == id) : History.FirstOrDefault(i => i.Stato == StatoInvio.InAttesaDiConferma);
        if (Latest is not null)
        {
            var detail = await queries.GetAsync(User, Latest.Id, ct);
            Segnalazioni = await queries.SegnalazioniAsync(detail, ct);
            if (Outcome?.Id == Latest.Id) Outcome = detail;
            else if (Outcome is not null) Outcome = await queries.GetAsync(User, Outcome.Id, ct);
        }
        return null;
    }

    private static string RomeTimeDate(Invio invio) => Portal.Core.Time.RomeTime.Format(invio.CreatedUtc);
}
