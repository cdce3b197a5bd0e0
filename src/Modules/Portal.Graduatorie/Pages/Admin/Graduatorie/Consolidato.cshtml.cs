using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.Admin.Graduatorie;

/// <summary>Downloads of the consolidated list and the students listed by more than one Comune.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.ViewAll")]
public sealed class ConsolidatoModel(RegioneService regione, FinestreGraduatorie finestre) : PageModel
{
    public FinestraGraduatoria Finestra { get; private set; } = null!;
    public int Righe { get; private set; }
    public int Comuni { get; private set; }
    public IReadOnlyList<Duplicato> Duplicati { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid finestraId, CancellationToken ct)
    {
        try
        {
            Finestra = await finestre.GetAsync(finestraId, ct);
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.NotFound)
        {
            return NotFound();
        }
        var rows = await regione.ConsolidatedAsync(finestraId, ct);
        (Righe, Comuni) = (rows.Count, rows.Select(r => r.ComuneIstat).Distinct().Count());
        Duplicati = RegioneService.Duplicates(rows);
        return Page();
    }
}
