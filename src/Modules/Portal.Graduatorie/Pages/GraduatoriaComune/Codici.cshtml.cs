using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Comuni;
using Portal.Contents.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.GraduatoriaComune;

/// <summary>The Comune's operator sees its own students in the approved regional Graduatoria, with the code to give the families.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.Upload")]
public sealed class CodiciModel(GraduatoriaRegionaleService graduatorie, FinestreGraduatorie finestre, RegionComuni regionComuni) : PageModel
{
    public IReadOnlyList<FinestraInfo> Finestre { get; private set; } = [];
    public IReadOnlyList<(string Istat, string Nome)> Comuni { get; private set; } = [];
    public Guid? FinestraId { get; private set; }
    public string? Comune { get; private set; }
    public IReadOnlyList<GraduatoriaPosizione>? Studenti { get; private set; }
    public bool Cercato { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? finestra, string? comune, CancellationToken ct)
    {
        var scopes = User.GetScopes(ScopeTypes.Comune);
        Comuni = (await regionComuni.NamesAsync(scopes, ct)).OrderBy(c => c.Value, StringComparer.CurrentCulture).Select(c => (c.Key, c.Value)).ToList();
        Finestre = (await finestre.AvvisiAsync(ct)).SelectMany(a => a.Finestre).OrderByDescending(f => f.OpensAtUtc).ToList();
        FinestraId = finestra ?? Finestre.FirstOrDefault()?.Id;
        Comune = comune ?? Comuni.FirstOrDefault().Istat;
        if (FinestraId is not Guid f || Comune is null) return Page();
        if (!User.HasScope(ScopeTypes.Comune, Comune)) return Forbid();
        try
        {
            Studenti = await graduatorie.ForComuneAsync(User, f, Comune, ct);
            Cercato = true;
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        return Page();
    }
}
