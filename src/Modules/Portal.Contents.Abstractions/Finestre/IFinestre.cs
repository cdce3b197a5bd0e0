namespace Portal.Contents.Contracts;

/// <summary>
/// The windows of the Avvisi and what a service needs of them, answered by Portal.Contents from published content:
/// whether a window is open, its Avviso with the documents, and the parameters the service declared for it.
/// </summary>
public interface IFinestre
{
    Task<FinestraInfo?> GetAsync(Guid finestraId, CancellationToken ct = default);

    /// <summary>Published windows of a published Avviso, by opening.</summary>
    Task<IReadOnlyList<FinestraInfo>> ForAvvisoAsync(Guid avvisoId, CancellationToken ct = default);

    /// <summary>The state at this instant, from the server's clock; null when the window does not exist.</summary>
    Task<FinestraState?> StateNowAsync(Guid finestraId, CancellationToken ct = default);

    /// <summary>
    /// The window with its Avviso and its parameters read as the service declares them; null when the window is not
    /// published or its Avviso does not open this service (<see cref="AvvisoInfo.Servizio"/>, case-insensitive).
    /// </summary>
    Task<ServiceFinestra?> OfServiceAsync(Guid finestraId, ServiceDeclaration service, CancellationToken ct = default);

    /// <summary>The published Avvisi that open the service, newest first.</summary>
    Task<IReadOnlyList<AvvisoInfo>> AvvisiOfServiceAsync(string serviceCode, CancellationToken ct = default);
}

/// <summary>A window of a service's Avviso, with the Avviso and the window's parameters.</summary>
public sealed record ServiceFinestra(FinestraInfo Info, AvvisoInfo Avviso, FinestraParameters Parameters);
