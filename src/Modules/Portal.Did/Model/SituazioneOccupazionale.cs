namespace Portal.Did.Model;

/// <summary>
/// A person's row in the portal's own Situazione Occupazionale table (the default adapter of the regional labour
/// information system), kept by the OperatoreCpi users of the person's CPI and loadable by recipe or CSV.
/// </summary>
public sealed class SituazioneOccupazionale
{
    public required string CodiceFiscale { get; set; }
    public required string Cognome { get; set; }
    public required string Nome { get; set; }
    public StatoOccupazionaleCpi Stato { get; set; }
    /// <summary>Since when the state holds, when known.</summary>
    public DateOnly? Dal { get; set; }
    public string? CpiCode { get; set; }
    public string? Note { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
}
