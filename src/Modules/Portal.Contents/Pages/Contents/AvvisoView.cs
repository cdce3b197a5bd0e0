using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

namespace Portal.Contents.Pages.Contents;

/// <summary>What the avviso page (and its preview) shows.</summary>
public sealed record AvvisoView(PublishedContent Avviso, string BodyHtml, IReadOnlyList<FinestraInfo> Finestre,
    IReadOnlyList<PublishedContent> Graduatorie, DateTimeOffset Now)
{
    public static async Task<AvvisoView> BuildAsync(PublishedContent avviso, ContentQueries queries, IFinestre finestre,
        MarkdownRenderer markdown, DateTimeOffset now)
    {
        var windows = await finestre.ForAvvisoAsync(avviso.Item.Id);
        var graduatorie = await queries.ListPublishedAsync(ContentTypes.Graduatoria, avviso.Item.Id);
        return new AvvisoView(avviso, markdown.ToHtml(avviso.Version.Body), windows, graduatorie, now);
    }
}
