using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Pages.Admin.Graduatorie;

public sealed record FinestraRiga(FinestraInfo Finestra, string Avviso, FinestraState Stato);

[Authorize(Policy = PermissionPolicy.Prefix + "Graduatorie.ViewAll")]
public sealed class IndexModel(ContentQueries queries, IFinestre finestre, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FinestraRiga> Finestre { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = new List<FinestraRiga>();
        foreach (var avviso in await queries.ListPublishedAsync(ContentTypes.Avviso, null, ct))
        {
            if (!string.Equals(avviso.Data.Servizio, FinestreGraduatorie.Servizio, StringComparison.OrdinalIgnoreCase)) continue;
            rows.AddRange((await finestre.ForAvvisoAsync(avviso.Item.Id, ct)).Select(f => new FinestraRiga(f, avviso.Version.Title, f.StateAt(now))));
        }
        Finestre = rows.OrderByDescending(r => r.Finestra.OpensAtUtc).ToList();
    }
}

/// <summary>The tabs of a Finestra's pages and the current one.</summary>
public sealed record Schede(Guid FinestraId, string Attiva);
