namespace Portal.Core.Comuni;

/// <summary>An Italian municipality as listed by ISTAT.</summary>
public sealed class Comune
{
    /// <summary>Six-digit ISTAT code, e.g. "042002" (Ancona).</summary>
    public required string CodiceIstat { get; set; }
    public required string Nome { get; set; }
    public required string SiglaProvincia { get; set; }
    public string? Provincia { get; set; }
    public string? Regione { get; set; }
    /// <summary>Four-character cadastral code used in the codice fiscale (e.g. "A271").</summary>
    public required string CodiceCatastale { get; set; }
}
