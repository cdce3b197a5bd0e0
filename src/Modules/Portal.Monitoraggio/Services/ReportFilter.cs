namespace Portal.Monitoraggio.Services;

/// <summary>The report filters: ente, measure, province, period of DATA_RIFERIMENTO.</summary>
public sealed record ReportFilter(string? Ente = null, string? Misura = null, string? Provincia = null, DateOnly? Dal = null, DateOnly? Al = null);

/// <summary>One row of a totals table: number of practices and amounts in cents (decimal: a sum of amounts of 13 digits may exceed a long).</summary>
public sealed record ReportRow(string Chiave, int Pratiche, decimal Richiesto, decimal Deliberato, decimal Erogato);

/// <summary>One point of the progress over time: totals of the practices as described on one DATA_RIFERIMENTO (cents).</summary>
public sealed record ProgressPoint(DateOnly DataRiferimento, int Pratiche, decimal Richiesto, decimal Deliberato, decimal Erogato);

/// <summary>An ente with the reference date of its last applied feed; late when older than the setting.</summary>
public sealed record EnteStato(string Code, string Denominazione, DateOnly? UltimoFlusso, int? Giorni, bool InRitardo);
