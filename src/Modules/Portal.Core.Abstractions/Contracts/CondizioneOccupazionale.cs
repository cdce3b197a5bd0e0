namespace Portal.Core.Contracts;

/// <summary>A person's occupational condition on a date, as services need it (e.g. the Bonus call's
/// "disoccupato ai sensi del D.lgs. 150/2015").</summary>
public enum StatoOccupazionale
{
    Sconosciuto,
    Occupato,
    Disoccupato,
}

/// <param name="Dal">Since when the condition holds (for Disoccupato: the date of the DID), when known.</param>
/// <param name="Fonte">Who says so, in Italian for people, e.g. "D.I.D. n. 2026/000123 confermata dal CPI di Ancona".</param>
public sealed record CondizioneOccupazionaleInfo(StatoOccupazionale Stato, DateOnly? Dal, string Fonte)
{
    public static CondizioneOccupazionaleInfo Sconosciuta { get; } = new(StatoOccupazionale.Sconosciuto, null, "Nessuna fonte");
}

/// <summary>
/// The occupational condition of a codice fiscale on a date. Implemented by Portal.Did (the Situazione
/// Occupazionale and its DIDs); modules that read it resolve it as optional, because a portal may run
/// without the DID module.
/// </summary>
public interface ICondizioneOccupazionale
{
    Task<CondizioneOccupazionaleInfo> OnDateAsync(string codiceFiscale, DateOnly data, CancellationToken ct = default);
}
