namespace Portal.Contents.Contracts;

/// <summary>An application/upload window (a published Finestra of a published Avviso) as other modules see it.</summary>
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
