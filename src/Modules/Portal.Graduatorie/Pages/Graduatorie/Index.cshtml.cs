using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.Graduatorie;

/// <summary>"Invio elenchi": the windows of the Graduatorie avvisi an operator can send lists for.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.Upload")]
public sealed class IndexModel(FinestreGraduatorie finestre, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AvvisoGraduatorie> Avvisi { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Avvisi = await finestre.AvvisiAsync(ct);
    }
}
