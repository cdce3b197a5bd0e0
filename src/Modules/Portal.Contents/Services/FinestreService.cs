using Portal.Contents.Model;
using Portal.Core.Contracts;

namespace Portal.Contents.Services;

/// <summary>Portal.Core's "is this window open now?" contract, answered from published Finestra content.</summary>
internal sealed class FinestreService(ContentQueries queries, TimeProvider clock) : IFinestre
{
    public async Task<FinestraInfo?> GetAsync(Guid finestraId, CancellationToken ct = default)
    {
        var f = await queries.GetPublishedAsync(finestraId, ct);
        return f is null || f.Item.ContentType != ContentTypes.Finestra ? null : ToInfo(f);
    }

    public async Task<IReadOnlyList<FinestraInfo>> ForAvvisoAsync(Guid avvisoId, CancellationToken ct = default) =>
        (await queries.ListPublishedAsync(ContentTypes.Finestra, avvisoId, ct)).Select(ToInfo).OfType<FinestraInfo>()
            .OrderBy(f => f.OpensAtUtc).ToList();

    public async Task<FinestraState?> StateNowAsync(Guid finestraId, CancellationToken ct = default) =>
        (await GetAsync(finestraId, ct))?.StateAt(clock.GetUtcNow());

    internal static FinestraInfo? ToInfo(PublishedContent f) =>
        f.Data.OpensAtUtc is null || f.Data.ClosesAtUtc is null || f.Item.ParentId is null
            ? null
            : new FinestraInfo(f.Item.Id, f.Item.ParentId.Value, f.Version.Title, f.Data.OpensAtUtc.Value, f.Data.ClosesAtUtc.Value);
}

/// <summary>Active AvvisoServizio banners: published and inside their period.</summary>
internal sealed class ServiceBannerSource(ContentQueries queries, TimeProvider clock) : IServiceBannerSource
{
    public async Task<IReadOnlyList<ServiceBanner>> GetActiveAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await queries.ListPublishedAsync(ContentTypes.AvvisoServizio, ct: ct))
            .Where(b => b.Data.FromUtc <= now && now < b.Data.ToUtc)
            .OrderByDescending(b => b.Data.Gravita == Gravita.Critico).ThenBy(b => b.Data.FromUtc)
            .Select(b => new ServiceBanner(b.Version.Title, b.Data.Gravita ?? Gravita.Attenzione)).ToList();
    }
}
