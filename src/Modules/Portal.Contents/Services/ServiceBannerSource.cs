using Portal.Contents.Model;
using Portal.Core.Contracts;

namespace Portal.Contents.Services;

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
