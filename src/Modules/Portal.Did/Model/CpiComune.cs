namespace Portal.Did.Model;

/// <summary>Which CPI is competent for a Comune of the region (one CPI per Comune; set by the setup recipe).</summary>
public sealed class CpiComune
{
    public required string ComuneIstat { get; set; }
    public required string CpiCode { get; set; }
}
