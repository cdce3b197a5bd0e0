namespace Portal.Anagrafica.Model;

/// <summary>
/// A row of the "Indice regionale del welfare" as loaded by recipe or CSV import: what the Region
/// already knows of a person, used to pre-fill the first-access form.
/// </summary>
public sealed class RegistryEntry
{
    public required string CodiceFiscale { get; set; }
    public string? Cognome { get; set; }
    public string? Nome { get; set; }
    public string? ResidenzaVia { get; set; }
    public string? ResidenzaCivico { get; set; }
    public string? ResidenzaCap { get; set; }
    public string? ResidenzaComuneIstat { get; set; }
    public string? Telefono { get; set; }
    public string? Cellulare { get; set; }
    public string? Email { get; set; }
    public string? StatoCivile { get; set; }
    public string? Cittadinanza { get; set; }
    public string? TitoloStudio { get; set; }
    public DateTime ImportedUtc { get; set; }
}

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
