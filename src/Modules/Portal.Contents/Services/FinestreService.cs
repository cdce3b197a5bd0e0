using Portal.Contents.Apis;
using Portal.Contents.Contracts;
using Portal.Contents.Model;

namespace Portal.Contents.Services;

/// <summary><see cref="IFinestre"/>, answered from published Avviso and Finestra content.</summary>
internal sealed class FinestreService(ContentQueries queries, TimeProvider clock) : IFinestre
{
    public async Task<FinestraInfo?> GetAsync(Guid finestraId, CancellationToken ct = default)
    {
        var f = await queries.GetPublishedAsync(finestraId, ct);
        return f is null || f.Item.ContentType != ContentTypes.Finestra ? null : ToInfo(f);
    }

    public async Task<IReadOnlyList<FinestraInfo>> ForAvvisoAsync(Guid avvisoId, CancellationToken ct = default) =>
        await queries.PublishedFinestreAsync(avvisoId, ct);

    public async Task<FinestraState?> StateNowAsync(Guid finestraId, CancellationToken ct = default) =>
        (await GetAsync(finestraId, ct))?.StateAt(clock.GetUtcNow());

    public async Task<ServiceFinestra?> OfServiceAsync(Guid finestraId, ServiceDeclaration service, CancellationToken ct = default)
    {
        var f = await queries.GetPublishedAsync(finestraId, ct);
        if (f is null || f.Item.ContentType != ContentTypes.Finestra || ToInfo(f) is not { } info) return null;
        var avviso = await queries.GetPublishedAsync(info.AvvisoId, ct);
        if (avviso is null || !IsOf(avviso, service.Code)) return null;
        return new ServiceFinestra(info, ToAvviso(avviso), FinestraParametri.Read(f.Data.Parametri, service.Parameters));
    }

    public async Task<IReadOnlyList<AvvisoInfo>> AvvisiOfServiceAsync(string serviceCode, CancellationToken ct = default) =>
        (await queries.AvvisiWithServiceAsync(serviceCode, ct)).Where(a => IsOf(a, serviceCode)).Select(ToAvviso).ToList();

    private static bool IsOf(PublishedContent avviso, string serviceCode) =>
        avviso.Item.ContentType == ContentTypes.Avviso && string.Equals(avviso.Data.Servizio, serviceCode, StringComparison.OrdinalIgnoreCase);

    internal static FinestraInfo? ToInfo(PublishedContent f) =>
        f.Data.OpensAtUtc is null || f.Data.ClosesAtUtc is null || f.Item.ParentId is null
            ? null
            : new FinestraInfo(f.Item.Id, f.Item.ParentId.Value, f.Version.Title, f.Data.OpensAtUtc.Value, f.Data.ClosesAtUtc.Value);

    internal static AvvisoInfo ToAvviso(PublishedContent a) => new(a.Item.Id, a.Version.Title, a.Item.Slug, a.Data.Servizio,
        a.Version.Attachments.OrderBy(d => d.Order)
            .Select(d => new AvvisoDocument(d.FileId, d.Title, d.FileName, d.ContentType, d.Length, AttachmentDownload.UrlOf(d.FileId, d.FileName)))
            .ToList());
}
