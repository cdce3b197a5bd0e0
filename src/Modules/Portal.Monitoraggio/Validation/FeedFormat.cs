using System.Text;

namespace Portal.Monitoraggio.Validation;

/// <summary>
/// The feed layout version 1 (monitoraggio.md), the one definition behind the parser (<see cref="FeedValidator"/>),
/// the public page /monitoraggio/formato, its PDF and the example file: change it here and all of them follow.
/// </summary>
public static class FeedFormat
{
    public const int Version = 1;
    public const char Separator = '|';
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 500;
    public const int MaxIdLength = 100;
    /// <summary>A line longer than this (in bytes) cannot be a record of this layout.</summary>
    public const int MaxLineBytes = 8192;
    public const int MaxLines = 1_000_000;

    public const string CodiceEnte = "CODICE_ENTE";
    public const string DataRiferimento = "DATA_RIFERIMENTO";
    public const string IdPratica = "ID_PRATICA";
    public const string CfPiva = "CF_PIVA_BENEFICIARIO";
    public const string Denominazione = "DENOMINAZIONE_BENEFICIARIO";
    public const string ComuneIstat = "COMUNE_ISTAT";
    public const string Misura = "MISURA";
    public const string DataDomanda = "DATA_DOMANDA";
    public const string ImportoRichiesto = "IMPORTO_RICHIESTO";
    public const string StatoPratica = "STATO_PRATICA";
    public const string DataDelibera = "DATA_DELIBERA";
    public const string ImportoDeliberato = "IMPORTO_DELIBERATO";
    public const string DataErogazione = "DATA_EROGAZIONE";
    public const string ImportoErogato = "IMPORTO_EROGATO";
    public const string Note = "NOTE";

    /// <summary>The rules of the whole file, as the page and the PDF state them.</summary>
    public static IReadOnlyList<string> GeneralRules =>
    [
        "Codifica UTF-8 (il BOM iniziale è tollerato); ogni altra codifica, ad esempio Latin-1, Windows-1252 o UTF-16, è respinta indicando riga e byte, come i caratteri di controllo (ad esempio NUL) tranne la tabulazione.",
        $"Un record per riga, righe terminate da LF o CRLF; al massimo {MaxLines.ToString("N0", Core.Time.RomeTime.Italian)} pratiche e 200 MB.",
        "Campi a lunghezza variabile separati dal carattere «|» (U+007C), senza virgolette: nessun campo può contenere «|».",
        "Importi con la virgola decimale (U+002C), senza separatore delle migliaia, al massimo due decimali (ad esempio 1234,56); date nel formato gg/mm/aaaa.",
        "La prima riga è l'intestazione, esattamente: " + Header,
        "Il flusso è applicato per intero o per niente: con anche un solo errore nessuna pratica cambia; con soli avvisi l'operatore conferma o annulla. Le pratiche sono aggiornate per codice ente e ID_PRATICA, e ne resta la storia per data di riferimento.",
    ];

    /// <summary>The states in their order of progress (a lower rank after a higher one is "going back").</summary>
    public static readonly IReadOnlyList<(string Code, int Rank, string Descrizione)> Stati =
    [
        ("PRESENTATA", 0, "domanda presentata"),
        ("IN_ISTRUTTORIA", 1, "in istruttoria"),
        ("DELIBERATA", 2, "finanziamento deliberato"),
        ("RESPINTA", 2, "domanda respinta"),
        ("RINUNCIATA", 2, "il beneficiario ha rinunciato"),
        ("EROGATA", 3, "finanziamento erogato"),
        ("REVOCATA", 4, "finanziamento revocato (dopo la delibera o dopo l'erogazione)"),
    ];

    /// <summary>States from which DATA_DELIBERA and IMPORTO_DELIBERATO are required.</summary>
    public static readonly IReadOnlySet<string> ConDelibera = new HashSet<string> { "DELIBERATA", "EROGATA", "REVOCATA" };

    public static int? Rank(string stato)
    {
        foreach (var s in Stati) if (s.Code == stato) return s.Rank;
        return null;
    }

    public static readonly IReadOnlyList<FeedField> Fields =
    [
        new(1, CodiceEnte, "Codice dell'ente gestore che invia il flusso.", "Obbligatorio; è il codice dell'ente per cui si invia: un file di un altro ente è respinto.", "CONFIDI-MARCHE-02"),
        new(2, DataRiferimento, "Data a cui si riferiscono i dati.", "Obbligatoria, gg/mm/aaaa; non nel futuro; la stessa su tutte le righe.", "30/11/2026"),
        new(3, IdPratica, "Identificativo della pratica nel sistema dell'ente.", $"Obbligatorio, al massimo {MaxIdLength} caratteri; unico nel file. Le pratiche sono aggiornate per codice ente e ID_PRATICA.", "PR-2026-000123"),
        new(4, CfPiva, "Codice fiscale o partita IVA del beneficiario.", "Obbligatorio: codice fiscale valido (16 caratteri, lettere maiuscole) o partita IVA valida (11 cifre, cifra di controllo).", "01234560421"),
        new(5, Denominazione, "Denominazione o nome e cognome del beneficiario.", $"Obbligatoria, al massimo {MaxNameLength} caratteri.", "Rossi Mario Impianti S.r.l."),
        new(6, ComuneIstat, "Comune della sede dell'attività.", "Obbligatorio: codice ISTAT di 6 cifre di un Comune esistente.", "042002"),
        new(7, Misura, "Misura di finanziamento.", "Obbligatoria: un codice della tabella delle misure pubblicata in questa pagina.", "FONDO-PERDUTO"),
        new(8, DataDomanda, "Data di presentazione della domanda.", "Obbligatoria, gg/mm/aaaa, non successiva a DATA_RIFERIMENTO.", "15/04/2026"),
        new(9, ImportoRichiesto, "Importo richiesto in euro.", "Obbligatorio, maggiore di zero; virgola decimale, nessun separatore delle migliaia, al massimo due decimali.", "25000,00"),
        new(10, StatoPratica, "Stato della pratica alla data di riferimento.", "Obbligatorio: PRESENTATA, IN_ISTRUTTORIA, DELIBERATA, RESPINTA, RINUNCIATA, EROGATA o REVOCATA.", "EROGATA"),
        new(11, DataDelibera, "Data della delibera di finanziamento.", "Obbligatoria per DELIBERATA, EROGATA e REVOCATA; gg/mm/aaaa, non precedente a DATA_DOMANDA.", "10/06/2026"),
        new(12, ImportoDeliberato, "Importo deliberato in euro.", "Obbligatorio per DELIBERATA, EROGATA e REVOCATA; stesso formato degli importi. Se supera l'importo richiesto è un avviso.", "20000,00"),
        new(13, DataErogazione, "Data dell'erogazione.", "Obbligatoria per EROGATA (e per REVOCATA dopo l'erogazione, insieme a IMPORTO_EROGATO); gg/mm/aaaa, non precedente a DATA_DELIBERA né successiva a DATA_RIFERIMENTO.", "01/07/2026"),
        new(14, ImportoErogato, "Importo erogato in euro.", "Obbligatorio per EROGATA (e per REVOCATA dopo l'erogazione); non superiore all'importo deliberato.", "20000,00"),
        new(15, Note, "Annotazioni.", $"Facoltativo, al massimo {MaxNoteLength} caratteri.", ""),
    ];

    public static readonly string Header = string.Join(Separator, Fields.Select(f => f.Name));

    public static readonly IReadOnlyList<FeedRule> Rules =
    [
        new("F01", null, "Il file è vuoto."),
        new("F02", null, "Il file non è in codifica UTF-8 (ad esempio è in Latin-1/Windows-1252): è indicata la riga e il byte non valido."),
        new("F03", null, "La prima riga non è l'intestazione prevista, con i 15 nomi di campo in quest'ordine."),
        new("F04", null, "Il file contiene solo l'intestazione, senza pratiche."),
        new("F05", null, "La riga non ha 15 campi separati da \"|\" (un \"|\" in più o in meno)."),
        new("F06", null, $"La riga supera {MaxLineBytes} byte."),
        new("F07", null, "Riga vuota."),
        new("F08", null, $"Il file supera {MaxLines:N0} righe.".Replace(",", ".", StringComparison.Ordinal)),
        new("F09", null, "Il file contiene un carattere di controllo (ad esempio il byte NUL 0x00, tipico dei file in UTF-16): è indicata la riga e il byte; la tabulazione è ammessa."),
        new("R01", CodiceEnte, "CODICE_ENTE non è il codice dell'ente per cui si invia il flusso."),
        new("R02", DataRiferimento, "DATA_RIFERIMENTO mancante o non nel formato gg/mm/aaaa."),
        new("R03", DataRiferimento, "DATA_RIFERIMENTO nel futuro."),
        new("R04", DataRiferimento, "DATA_RIFERIMENTO diversa da quella della prima riga."),
        new("R05", IdPratica, $"ID_PRATICA mancante o più lungo di {MaxIdLength} caratteri."),
        new("R06", IdPratica, "ID_PRATICA ripetuto nel file."),
        new("R07", CfPiva, "CF_PIVA_BENEFICIARIO non è un codice fiscale né una partita IVA validi."),
        new("R08", Denominazione, "DENOMINAZIONE_BENEFICIARIO mancante."),
        new("R09", Denominazione, $"DENOMINAZIONE_BENEFICIARIO più lunga di {MaxNameLength} caratteri."),
        new("R10", ComuneIstat, "COMUNE_ISTAT non è un codice di 6 cifre."),
        new("R11", ComuneIstat, "COMUNE_ISTAT non corrisponde a un Comune esistente."),
        new("R12", Misura, "MISURA non è un codice della tabella delle misure."),
        new("R13", DataDomanda, "DATA_DOMANDA mancante o non nel formato gg/mm/aaaa."),
        new("R14", ImportoRichiesto, "IMPORTO_RICHIESTO mancante o non nel formato degli importi (virgola decimale, al massimo due decimali, senza separatore delle migliaia)."),
        new("R15", ImportoRichiesto, "IMPORTO_RICHIESTO non maggiore di zero."),
        new("R16", StatoPratica, "STATO_PRATICA non è uno degli stati previsti."),
        new("R17", DataDelibera, "DATA_DELIBERA mancante per una pratica deliberata, erogata o revocata, o non nel formato gg/mm/aaaa."),
        new("R18", ImportoDeliberato, "IMPORTO_DELIBERATO mancante per una pratica deliberata, erogata o revocata, o non nel formato degli importi."),
        new("R19", DataErogazione, "DATA_EROGAZIONE mancante per una pratica erogata (o revocata con IMPORTO_EROGATO), o non nel formato gg/mm/aaaa."),
        new("R20", ImportoErogato, "IMPORTO_EROGATO mancante per una pratica erogata (o revocata con DATA_EROGAZIONE), o non nel formato degli importi."),
        new("R21", Note, $"NOTE più lunghe di {MaxNoteLength} caratteri."),
        new("R22", null, "Date non in ordine: deve valere DATA_DOMANDA ≤ DATA_DELIBERA ≤ DATA_EROGAZIONE ≤ DATA_RIFERIMENTO."),
        new("R23", ImportoErogato, "IMPORTO_EROGATO superiore a IMPORTO_DELIBERATO."),
        new("W01", ImportoDeliberato, "Avviso: IMPORTO_DELIBERATO superiore a IMPORTO_RICHIESTO.", Avviso: true),
        new("W02", StatoPratica, "Avviso: la pratica torna a uno stato precedente rispetto a quello già registrato nel portale (ad esempio da EROGATA a IN_ISTRUTTORIA).", Avviso: true),
        new("W03", DataRiferimento, "Avviso: DATA_RIFERIMENTO precedente a quella dell'ultimo flusso accettato dell'ente.", Avviso: true),
    ];

    public static FeedRule Rule(string code) => Rules.First(r => r.Code == code);

    /// <summary>An example feed that passes: header and one line per kind of practice, for the given ente, date and measures.</summary>
    public static string Example(string enteCode, DateOnly dataRiferimento, IReadOnlyList<string> misure)
    {
        string D(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var m0 = misure.Count > 0 ? misure[0] : "FONDO-PERDUTO";
        var m1 = misure.Count > 1 ? misure[1] : m0;
        var r = dataRiferimento;
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        sb.Append($"{enteCode}|{D(r)}|PR-0001|BRNGPP60A01A271L|Bruno Giuseppe|042002|{m0}|{D(r.AddDays(-60))}|15000,00|PRESENTATA|||||\n");
        sb.Append($"{enteCode}|{D(r)}|PR-0002|01234560421|Bianchi Impianti S.r.l.|041044|{m1}|{D(r.AddDays(-50))}|40000|IN_ISTRUTTORIA|||||\n");
        sb.Append($"{enteCode}|{D(r)}|PR-0003|CSTNNA75B41D451J|Costa Anna|043023|{m0}|{D(r.AddDays(-45))}|25000,5|DELIBERATA|{D(r.AddDays(-20))}|20000,00|||Delibera del consiglio\n");
        sb.Append($"{enteCode}|{D(r)}|PR-0004|02345670414|Officine Conti S.n.c.|044007|{m1}|{D(r.AddDays(-40))}|30000,00|EROGATA|{D(r.AddDays(-25))}|30000,00|{D(r.AddDays(-5))}|29999,99|\n");
        sb.Append($"{enteCode}|{D(r)}|PR-0005|MNCPLA68C15G479K|Mancini Paolo|109006|{m0}|{D(r.AddDays(-30))}|8000,00|RESPINTA|||||Requisiti non posseduti\n");
        return sb.ToString();
    }
}
