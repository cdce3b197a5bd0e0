namespace Portal.Monitoraggio.Model;

/// <summary>One feed (flusso) sent by an ente: the file (in <see cref="FlussoBlocco"/>s), its processing and outcome.</summary>
public sealed class Flusso
{
    public const string SubjectType = "Monitoraggio.Flusso";

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string EnteCode { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long Length { get; set; }
    public StatoFlusso Stato { get; set; }
    /// <summary>"web" (the upload page) or "api" (the ente's management system).</summary>
    public required string Canale { get; set; }
    public Guid? OperatorId { get; set; }
    public required string OperatorName { get; set; }
    public string? OperatorCf { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    /// <summary>Data lines read so far (the header excluded); the total once the file is read.</summary>
    public int Righe { get; set; }
    public bool LetturaCompleta { get; set; }
    public int Errori { get; set; }
    public int Avvisi { get; set; }
    public DateOnly? DataRiferimento { get; set; }
    /// <summary>Counts per rule code (JSON object), for the error report's summary.</summary>
    public string? ConteggiRegole { get; set; }
    /// <summary>Counts and totals per STATO_PRATICA (JSON), printed on the receipt.</summary>
    public string? Riepilogo { get; set; }
    /// <summary>Why the feed was decided so (Italian, for people).</summary>
    public string? Esito { get; set; }
    public string? DecisoDa { get; set; }
}
