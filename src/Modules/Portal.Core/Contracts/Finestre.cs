namespace Portal.Core.Contracts;

public enum FinestraState
{
    Futura,
    Aperta,
    Chiusa,
}

/// <summary>An application/upload window as other modules see it.</summary>
public sealed record FinestraInfo(Guid Id, Guid AvvisoId, string Nome, DateTime OpensAtUtc, DateTime ClosesAtUtc)
{
    /// <summary>Open from the opening instant (included) to the closing instant (excluded).</summary>
    public FinestraState StateAt(DateTimeOffset instant) => StateAt(OpensAtUtc, ClosesAtUtc, instant.UtcDateTime);

    public static FinestraState StateAt(DateTime opensAtUtc, DateTime closesAtUtc, DateTime instantUtc) =>
        instantUtc < opensAtUtc ? FinestraState.Futura
        : instantUtc < closesAtUtc ? FinestraState.Aperta
        : FinestraState.Chiusa;

    public static string Label(FinestraState state) => state switch
    {
        FinestraState.Futura => "Di prossima apertura",
        FinestraState.Aperta => "Aperta",
        _ => "Chiusa",
    };
}

/// <summary>"Is this window open now?" — answered by Portal.Contents for every service module.</summary>
public interface IFinestre
{
    Task<FinestraInfo?> GetAsync(Guid finestraId, CancellationToken ct = default);

    /// <summary>Published windows of a published Avviso.</summary>
    Task<IReadOnlyList<FinestraInfo>> ForAvvisoAsync(Guid avvisoId, CancellationToken ct = default);

    /// <summary>The state at this instant, from the server's clock; null when the window does not exist.</summary>
    Task<FinestraState?> StateNowAsync(Guid finestraId, CancellationToken ct = default);
}
