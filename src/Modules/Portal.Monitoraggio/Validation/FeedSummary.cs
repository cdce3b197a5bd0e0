namespace Portal.Monitoraggio.Validation;

/// <summary>
/// Number of practices and totals (in cents) of one STATO_PRATICA in a feed. Decimal: an amount may have 13 integer digits,
/// and ten thousand of them exceed a long.
/// </summary>
public sealed class StatoTotals
{
    public int Pratiche { get; set; }
    public decimal Richiesto { get; set; }
    public decimal Deliberato { get; set; }
    public decimal Erogato { get; set; }
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
