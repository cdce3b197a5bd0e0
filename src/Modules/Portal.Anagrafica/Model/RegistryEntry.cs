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
