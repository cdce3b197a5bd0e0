using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Contracts;
using Portal.Core.Security;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.Admin.Graduatorie;

public sealed record FinestraRiga(FinestraInfo Finestra, string Avviso, FinestraState Stato);

[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.ViewAll")]
public sealed class IndexModel(FinestreGraduatorie finestre, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FinestraRiga> Finestre { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = (await finestre.AvvisiAsync(ct)).SelectMany(a => a.Finestre.Select(f => new FinestraRiga(f, a.Title, f.StateAt(now))));
        Finestre = rows.OrderByDescending(r => r.Finestra.OpensAtUtc).ToList();
    }
}

/// <summary>The tabs of a Finestra's pages and the current one.</summary>
public sealed record Schede(Guid FinestraId, string Attiva);
