using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Security;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Pages.Accreditamenti;

/// <summary>The operators accredited for one of the active role's Comuni; any other Comune is 403.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.ViewComuneOperators")]
public sealed class OperatoriComuneModel(ComuneOperators operators, RegionComuni comuni) : PageModel
{
    public IReadOnlyList<(string Istat, string Nome)> MyComuni { get; private set; } = [];
    public string? Istat { get; private set; }
    public string? ComuneName { get; private set; }
    public IReadOnlyList<ComuneOperator> Operators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? istat, CancellationToken ct)
    {
        var mine = User.GetScopes(ScopeTypes.Comune);
        var names = await comuni.NamesAsync(mine, ct);
        MyComuni = mine.Select(c => (c, names.GetValueOrDefault(c, c))).OrderBy(c => c.Item2, StringComparer.Ordinal).ToList();
        if (istat is null) return Page();
        if (!ComuneOperators.MaySee(User, istat)) return Forbid();
        Istat = istat;
        ComuneName = (await comuni.NamesAsync([istat], ct)).GetValueOrDefault(istat, istat);
        Operators = await operators.ListAsync(istat, ct);
        return Page();
    }
}
