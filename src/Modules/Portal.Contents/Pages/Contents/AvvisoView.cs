using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

namespace Portal.Contents.Pages.Contents;

/// <summary>The service an Avviso opens, as its page shows it: the service's page and a start button per open window.</summary>
public sealed record AvvisoServizioView(string ServiceName, string ServiceUrl, IReadOnlyList<(FinestraInfo Finestra, ServiceStart Start)> Starts);

/// <summary>What the avviso page (and its preview) shows.</summary>
public sealed record AvvisoView(PublishedContent Avviso, string BodyHtml, IReadOnlyList<FinestraInfo> Finestre,
    IReadOnlyList<PublishedContent> Graduatorie, DateTimeOffset Now, AvvisoServizioView? Servizio = null)
{
    public static async Task<AvvisoView> BuildAsync(PublishedContent avviso, ContentQueries queries, IFinestre finestre,
        MarkdownRenderer markdown, DateTimeOffset now, IEnumerable<IServiceEntry>? services = null)
    {
        var windows = await finestre.ForAvvisoAsync(avviso.Item.Id);
        var graduatorie = await queries.ListPublishedAsync(ContentTypes.Graduatoria, avviso.Item.Id);
        AvvisoServizioView? servizio = null;
        var entry = avviso.Data.Servizio is { } code
            ? services?.FirstOrDefault(s => string.Equals(s.ServiceCode, code, StringComparison.OrdinalIgnoreCase))
            : null;
        if (entry is not null)
        {
            var info = FinestreService.ToAvviso(avviso);
            var starts = new List<(FinestraInfo, ServiceStart)>();
            foreach (var w in windows.Where(w => w.StateAt(now) == FinestraState.Aperta))
                if (await entry.StartAsync(info, w) is { } start) starts.Add((w, start));
            servizio = new AvvisoServizioView(entry.ServiceName, entry.ServiceUrl, starts);
        }
        return new AvvisoView(avviso, markdown.ToHtml(avviso.Version.Body), windows, graduatorie, now, servizio);
    }
}
