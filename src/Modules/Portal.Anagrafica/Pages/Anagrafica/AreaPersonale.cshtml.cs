using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Anagrafica.Services;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Anagrafica.Pages.Anagrafica;

/// <summary>The citizen's home once the Anagrafica is saved: its state, the services and "Le mie pratiche".</summary>
[RequireAnagrafica]
public sealed class AreaPersonaleModel(AnagraficaService service, NavigationRegistry navigation, IPermissionService permissions,
    IEnumerable<ISubmissionSource> pratiche) : PageModel
{
    /// <summary>"Le mie pratiche": every module's submissions of this person, newest first.</summary>
    public IReadOnlyList<Submission> Pratiche { get; private set; } = [];

    public AnagraficaView View { get; private set; } = null!;
    public string? Residenza { get; private set; }
    public IReadOnlyList<MenuEntry> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await service.LoadAsync(User.GetPersonId()!.Value, ct);
        if (view is null) return NotFound();
        View = view;
        var i = view.Input;
        Residenza = $"{i.ResidenzaVia} {i.ResidenzaCivico}, {i.ResidenzaCap} {i.ResidenzaComune}";
        var visible = new List<MenuEntry>();
        foreach (var entry in navigation.Public)
            if (entry.Permission is null || await permissions.HasPermissionAsync(User, entry.Permission)) visible.Add(entry);
        Services = visible;
        var all = new List<Submission>();
        foreach (var source in pratiche) all.AddRange(await source.OfPersonAsync(User.GetPersonId()!.Value, ct));
        Pratiche = all.OrderByDescending(p => p.UpdatedUtc ?? p.CreatedUtc).ToList();
        return Page();
    }
}
