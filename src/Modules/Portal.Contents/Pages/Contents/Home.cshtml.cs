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
        var avvisi = await queries.ListPublishedAsync(ContentTypes.Avviso);
        // All published windows in one query, grouped by avviso (not one query per service card).
        var windows = (await queries.ListPublishedAsync(ContentTypes.Finestra)).Select(FinestreService.ToInfo).OfType<FinestraInfo>()
            .ToLookup(f => f.AvvisoId);
        var cards = new List<ServiceCard>();
        foreach (var a in avvisi.Where(a => a.Data.Servizio is not null))
        {
            var own = windows[a.Item.Id].OrderBy(w => w.OpensAtUtc).ToList();
            var current = own.FirstOrDefault(w => w.StateAt(Now) == FinestraState.Aperta) ?? own.FirstOrDefault(w => w.StateAt(Now) == FinestraState.Futura);
            cards.Add(new ServiceCard(a, current));
        }
        Services = cards.OrderBy(c => c.Current is null ? 2 : c.Current.StateAt(Now) == FinestraState.Aperta ? 0 : 1).ToList();
        Latest = avvisi.Take(5).ToList();
    }
}
