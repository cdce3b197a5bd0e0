namespace Portal.Anagrafica.Model;

/// <summary>A state of the world as a citizenship (ISTAT code) and as a birth place (cadastral "Z" code).</summary>
public sealed class StatoEstero
{
    /// <summary>Three-digit ISTAT code, e.g. "100" Italia, "215" Francia.</summary>
    public required string Codice { get; set; }
    public required string Denominazione { get; set; }
    /// <summary>"Z110" for Francia; null for Italia.</summary>
    public string? CodiceCatastale { get; set; }
    /// <summary>Member of the European Union: no residence permit needed.</summary>
    public bool Ue { get; set; }
    public int Order { get; set; }
}
