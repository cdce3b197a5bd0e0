namespace Portal.Anagrafica.Model;

/// <summary>
/// A person's Anagrafica (one per person). The fields that form the codice fiscale are a snapshot
/// taken at each save; <see cref="Version"/> is the optimistic concurrency token.
/// </summary>
public sealed class AnagraficaRecord
{
    public Guid PersonId { get; set; }
    public required string CodiceFiscale { get; set; }
    public required string Cognome { get; set; }
    public required string Nome { get; set; }
    public char? Sesso { get; set; }
    public DateOnly? DataNascita { get; set; }
    /// <summary>Cadastral code of the Comune or "Z..." of the foreign state.</summary>
    public string? LuogoNascitaCodice { get; set; }
    public string? LuogoNascita { get; set; }

    public Indirizzo Residenza { get; set; } = new();
    public bool DomicilioUgualeResidenza { get; set; } = true;
    public Indirizzo Domicilio { get; set; } = new();

    public string? Telefono { get; set; }
    public string? Cellulare { get; set; }
    public string? Email { get; set; }
    public string? Pec { get; set; }
    public string? StatoCivile { get; set; }
    public string? Cittadinanza { get; set; }
    public string? TitoloSoggiornoTipo { get; set; }
    public string? TitoloSoggiornoNumero { get; set; }
    public DateOnly? TitoloSoggiornoScadenza { get; set; }
    public string? TitoloStudio { get; set; }

    public int Version { get; set; }
    public DateTime FirstSavedUtc { get; set; }
    public DateTime LastSavedUtc { get; set; }
    public string? LastSavedBy { get; set; }
}

/// <summary>A street address with the ISTAT code of its Comune.</summary>
public sealed class Indirizzo
{
    public string? Via { get; set; }
    public string? Civico { get; set; }
    public string? Cap { get; set; }
    public string? ComuneIstat { get; set; }
}
