namespace Portal.Anagrafica.Services;

/// <summary>The fields that form the codice fiscale: shown read-only, never taken from the input.</summary>
public sealed record FixedFields(string CodiceFiscale, string Cognome, string Nome, char? Sesso, DateOnly? DataNascita,
    string? LuogoNascitaCodice, string? LuogoNascita)
{
    public string SessoText => Sesso switch { 'M' => "Maschile", 'F' => "Femminile", _ => "non ricavabile dal codice fiscale" };
}

/// <summary>What the form shows: the fixed fields, the editable ones (as search-select texts) and the state.</summary>
public sealed record AnagraficaView(FixedFields Fixed, AnagraficaInput Input, bool Compilata, bool PrecompilataDalRegistro,
    DateTime? FirstSavedUtc, DateTime? LastSavedUtc);

public enum SaveStatus { Saved, Invalid, Conflict, Failed }

public sealed record SaveOutcome(SaveStatus Status, IReadOnlyDictionary<string, string> Errors, int Versione, bool FirstSave, IReadOnlyList<string> ChangedFields)
{
    public const string ConflictMessage =
        "I dati sono stati modificati da un'altra sessione dopo che li hai aperti: ricarica la pagina, controlla i dati aggiornati e salva di nuovo.";
    public const string FailedMessage = "Salvataggio non riuscito: nessun dato è stato modificato. Riprovare più tardi.";
}
