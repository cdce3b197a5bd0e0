namespace Portal.Anagrafica.Services;

/// <summary>
/// The editable part of the Anagrafica as the form and the API send it. Coded fields and Comuni
/// accept the code alone or the search-select text "CODE - DESCRIPTION".
/// </summary>
public sealed class AnagraficaInput
{
    public string? ResidenzaVia { get; set; }
    public string? ResidenzaCivico { get; set; }
    public string? ResidenzaCap { get; set; }
    public string? ResidenzaComune { get; set; }
    public bool DomicilioUgualeResidenza { get; set; }
    public string? DomicilioVia { get; set; }
    public string? DomicilioCivico { get; set; }
    public string? DomicilioCap { get; set; }
    public string? DomicilioComune { get; set; }
    public string? Telefono { get; set; }
    public string? Cellulare { get; set; }
    public string? Email { get; set; }
    public string? Pec { get; set; }
    public string? StatoCivile { get; set; }
    public string? Cittadinanza { get; set; }
    public string? TitoloSoggiornoTipo { get; set; }
    public string? TitoloSoggiornoNumero { get; set; }
    /// <summary>yyyy-MM-dd (as an HTML date input sends it) or dd/MM/yyyy.</summary>
    public string? TitoloSoggiornoScadenza { get; set; }
    public string? TitoloStudio { get; set; }
    /// <summary>The version read before editing (0 before the first save): a stale one is refused.</summary>
    public int Versione { get; set; }
}

/// <summary>The input after validation: codes resolved, text trimmed.</summary>
public sealed record ValidAnagrafica(
    AddressValue Residenza, bool DomicilioUguale, AddressValue Domicilio,
    string? Telefono, string? Cellulare, string Email, string? Pec,
    string? StatoCivile, string Cittadinanza, string? TitoloSoggiornoTipo, string? TitoloSoggiornoNumero,
    DateOnly? TitoloSoggiornoScadenza, string? TitoloStudio);

public sealed record AddressValue(string? Via, string? Civico, string? Cap, string? ComuneIstat);
