namespace Portal.Monitoraggio.Validation;

/// <summary>Number of practices and totals (in cents) of one STATO_PRATICA in a feed.</summary>
public sealed class StatoTotals
{
    public int Pratiche { get; set; }
    public long Richiesto { get; set; }
    public long Deliberato { get; set; }
    public long Erogato { get; set; }
}

/// <summary>What a pass over a feed found: lines, errors, warnings, counts per rule, the reference date and the totals per state.</summary>
public sealed class FeedSummary
{
    public int Lines { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public SortedDictionary<string, int> PerRule { get; } = new(StringComparer.Ordinal);
    public DateOnly? DataRiferimento { get; set; }
    public SortedDictionary<string, StatoTotals> PerStato { get; } = new(StringComparer.Ordinal);
}
