using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

namespace Portal.Contents.Pages.Contents;

public sealed class HomeModel(ContentQueries queries, TimeProvider clock) : PageModel
{
    public sealed record ServiceCard(PublishedContent Avviso, FinestraInfo? Current);

    public IReadOnlyList<ServiceCard> Services { get; private set; } = [];
    public IReadOnlyList<PublishedContent> Latest { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        // Only the avvisi that open a service, and their windows in one query (not one query per card);
        // the latest avvisi are limited in the database.
        var avvisi = await queries.AvvisiWithServiceAsync();
        var windows = (await queries.FinestreOfAsync(avvisi.Select(a => a.Item.Id).ToList())).Select(FinestreService.ToInfo).OfType<FinestraInfo>()
            .ToLookup(f => f.AvvisoId);
        var cards = new List<ServiceCard>();
        foreach (var a in avvisi)
        {
            var own = windows[a.Item.Id].OrderBy(w => w.OpensAtUtc).ToList();
            var current = own.FirstOrDefault(w => w.StateAt(Now) == FinestraState.Aperta) ?? own.FirstOrDefault(w => w.StateAt(Now) == FinestraState.Futura);
            cards.Add(new ServiceCard(a, current));
        }
        Services = cards.OrderBy(c => c.Current is null ? 2 : c.Current.StateAt(Now) == FinestraState.Aperta ? 0 : 1).ToList();
        Latest = await queries.LatestAvvisiAsync(5);
    }
}
