namespace Portal.Did;

/// <summary>"Portal:Did" in the configuration: the terms of the DID (seed 002).</summary>
public sealed class DidOptions
{
    public const string Section = "Portal:Did";

    /// <summary>
    /// Days, counted as calendar days from the sending instant (5 × 24 hours), within which the CPI must record the
    /// first-interview appointment; then the DID lapses. Calendar days because the seed says "entro i cinque giorni
    /// successivi" without excluding holidays, and counting from the instant gives every sender the same full term.
    /// </summary>
    public int GiorniAppuntamento { get; set; } = 5;

    /// <summary>Grace days after the appointment date within which the CPI records the interview outcome; then the DID lapses.</summary>
    public int GiorniTolleranzaColloquio { get; set; } = 3;

    /// <summary>Rows per page of the CPI operator's list.</summary>
    public int PageSize { get; set; } = 20;
}
