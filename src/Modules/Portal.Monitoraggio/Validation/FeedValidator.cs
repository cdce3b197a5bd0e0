using Portal.Core.Validation;
using static Portal.Monitoraggio.Validation.FeedFormat;

namespace Portal.Monitoraggio.Validation;

/// <summary>
/// Checks a feed against layout version 1 (<see cref="FeedFormat"/>) in one streaming pass: every field and
/// cross-field rule is an error with line, field, value and message; the three warnings are reported apart.
/// Valid lines are handed to <c>onRecord</c>, so the same pass can feed the apply.
/// </summary>
public sealed class FeedValidator(FeedContext context)
{
    private const int MaxValueLength = 300;

    public async Task<FeedSummary> RunAsync(Stream stream, Func<FeedIssue, ValueTask> onIssue, Func<FeedRecord, ValueTask>? onRecord = null,
        Func<int, ValueTask>? onProgress = null, int progressEvery = 5000, CancellationToken ct = default)
    {
        var summary = new FeedSummary();
        var seen = new Dictionary<ulong, int>();
        DateOnly? firstDate = null;
        var header = false;
        var issues = new List<FeedIssue>(8);

        async ValueTask Emit(FeedIssue issue)
        {
            if (issue.Avviso) summary.Warnings++;
            else summary.Errors++;
            summary.PerRule[issue.Code] = summary.PerRule.GetValueOrDefault(issue.Code) + 1;
            await onIssue(issue);
        }

        try
        {
            await foreach (var line in FeedLineReader.ReadAsync(stream, ct))
            {
                if (!header)
                {
                    header = true;
                    if (line.TooLong || line.Text != Header)
                    {
                        await Emit(new FeedIssue(1, null, Clip(line.Text), "F03", HeaderMessage(line)));
                        return summary;
                    }
                    continue;
                }
                summary.Lines++;
                if (summary.Lines > MaxLines)
                {
                    await Emit(new FeedIssue(line.Number, null, null, "F08", $"Il file supera il numero massimo di {MaxLines:N0} pratiche: non è stato letto oltre.".Replace(",", ".", StringComparison.Ordinal)));
                    return summary;
                }
                if (onProgress is not null && summary.Lines % progressEvery == 0) await onProgress(summary.Lines);
                issues.Clear();
                var record = CheckLine(line, issues, seen, ref firstDate);
                foreach (var i in issues) await Emit(i);
                if (record is null || issues.Any(i => !i.Avviso)) continue;
                var totals = summary.PerStato.TryGetValue(record.Stato, out var t) ? t : summary.PerStato[record.Stato] = new StatoTotals();
                totals.Pratiche++;
                totals.Richiesto += record.ImportoRichiesto;
                totals.Deliberato += record.ImportoDeliberato ?? 0;
                totals.Erogato += record.ImportoErogato ?? 0;
                if (onRecord is not null) await onRecord(record);
            }
        }
        catch (FeedEncodingException e)
        {
            await Emit(new FeedIssue(e.Line, null, $"0x{e.Value:X2}", "F02", e.Message));
            return summary;
        }
        if (!header) await Emit(new FeedIssue(0, null, null, "F01", "Il file è vuoto: non contiene nemmeno l'intestazione."));
        else if (summary.Lines == 0) await Emit(new FeedIssue(1, null, null, "F04", "Il file contiene solo l'intestazione: nessuna pratica da registrare."));
        summary.DataRiferimento = firstDate;
        if (firstDate is { } d && context.LastAccepted is { } last && d < last)
            await Emit(new FeedIssue(2, DataRiferimento, Date(d), "W03",
                $"La data di riferimento {Date(d)} è precedente a quella dell'ultimo flusso accettato dell'ente ({Date(last)}): i dati sarebbero più vecchi di quelli già registrati.", true));
        return summary;
    }

    private static string HeaderMessage(FeedLine line)
    {
        if (line.TooLong || line.Text.Length == 0) return $"La prima riga deve essere l'intestazione: {Header}";
        var names = line.Text.Split(Separator);
        if (names.Length != Fields.Count)
            return $"L'intestazione ha {names.Length} campi invece di {Fields.Count}: deve essere esattamente {Header}";
        for (var i = 0; i < names.Length; i++)
            if (names[i] != Fields[i].Name)
                return $"Il campo {i + 1} dell'intestazione è «{Clip(names[i])}» invece di {Fields[i].Name}: l'intestazione deve essere esattamente {Header}";
        return $"L'intestazione deve essere esattamente {Header}";
    }

    private FeedRecord? CheckLine(FeedLine line, List<FeedIssue> issues, Dictionary<ulong, int> seen, ref DateOnly? firstDate)
    {
        var n = line.Number;
        if (line.TooLong)
        {
            issues.Add(new FeedIssue(n, null, null, "F06", $"La riga supera la lunghezza massima di {MaxLineBytes} byte: non può essere una pratica del tracciato."));
            return null;
        }
        if (line.Text.Length == 0)
        {
            issues.Add(new FeedIssue(n, null, null, "F07", "Riga vuota: ogni riga dopo l'intestazione deve descrivere una pratica."));
            return null;
        }
        var f = line.Text.Split(Separator);
        if (f.Length != Fields.Count)
        {
            var diff = f.Length > Fields.Count ? "in più" : "in meno";
            issues.Add(new FeedIssue(n, null, Clip(line.Text), "F05",
                $"La riga ha {f.Length} campi invece di {Fields.Count} ({Math.Abs(f.Length - Fields.Count)} separatori \"|\" {diff}): nessun campo può contenere il carattere \"|\"."));
            return null;
        }
        void Error(string code, string field, string value, string message) => issues.Add(new FeedIssue(n, field, Clip(value), code, message));

        // CODICE_ENTE
        if (f[0] != context.EnteCode)
            Error("R01", CodiceEnte, f[0], f[0].Length == 0
                ? $"CODICE_ENTE mancante: indicare il codice dell'ente ({context.EnteCode})."
                : $"CODICE_ENTE «{Clip(f[0])}» non è il codice dell'ente per cui si invia il flusso ({context.EnteCode}): un file di un altro ente non può essere caricato.");

        // DATA_RIFERIMENTO
        DateOnly? dataRif = null;
        if (!TryDate(f[1], out var rif))
            Error("R02", DataRiferimento, f[1], f[1].Length == 0 ? "DATA_RIFERIMENTO mancante." : $"DATA_RIFERIMENTO «{Clip(f[1])}» non è una data valida nel formato gg/mm/aaaa.");
        else
        {
            dataRif = rif;
            if (rif > context.Today) Error("R03", DataRiferimento, f[1], $"DATA_RIFERIMENTO {f[1]} è nel futuro (oggi è il {Date(context.Today)}).");
            if (firstDate is null) firstDate = rif;
            else if (rif != firstDate) Error("R04", DataRiferimento, f[1], $"DATA_RIFERIMENTO {f[1]} è diversa da quella della prima riga ({Date(firstDate.Value)}): deve essere la stessa su tutte le righe.");
        }

        // ID_PRATICA
        var id = f[2];
        if (id.Length == 0 || id.Length > MaxIdLength || id.Trim().Length != id.Length)
            Error("R05", IdPratica, id, id.Length == 0 ? "ID_PRATICA mancante."
                : id.Length > MaxIdLength ? $"ID_PRATICA è lungo {id.Length} caratteri: al massimo {MaxIdLength}."
                : "ID_PRATICA non può iniziare o finire con spazi.");
        else
        {
            var key = PraticaKey.Hash(id);
            if (seen.TryGetValue(key, out var firstLine)) Error("R06", IdPratica, id, $"ID_PRATICA «{Clip(id)}» è già presente alla riga {firstLine}: ogni pratica compare una sola volta nel file.");
            else seen[key] = n;
        }

        // CF_PIVA_BENEFICIARIO
        var cf = f[3];
        if (!(cf.Length == 16 && CodiceFiscale.IsValid(cf)) && !(cf.Length == 11 && cf.All(char.IsAsciiDigit) && PartitaIva.IsValid(cf)))
            Error("R07", CfPiva, cf, cf.Length switch
            {
                0 => "CF_PIVA_BENEFICIARIO mancante.",
                16 => $"«{Clip(cf)}» non è un codice fiscale valido (formato o carattere di controllo; lettere maiuscole).",
                11 => $"«{cf}» non è una partita IVA valida: {PartitaIva.Problem(cf)}",
                _ => $"«{Clip(cf)}» ha {cf.Length} caratteri: un codice fiscale ne ha 16, una partita IVA 11 cifre.",
            });

        // DENOMINAZIONE_BENEFICIARIO
        if (f[4].Trim().Length == 0) Error("R08", Denominazione, f[4], "DENOMINAZIONE_BENEFICIARIO mancante.");
        else if (f[4].Length > MaxNameLength)
            Error("R09", Denominazione, f[4], $"DENOMINAZIONE_BENEFICIARIO è lunga {f[4].Length} caratteri: al massimo {MaxNameLength}.");

        // COMUNE_ISTAT
        string? sigla = null;
        if (f[5].Length != 6 || !f[5].All(char.IsAsciiDigit))
            Error("R10", ComuneIstat, f[5], f[5].Length == 0 ? "COMUNE_ISTAT mancante." : $"COMUNE_ISTAT «{Clip(f[5])}» non è un codice ISTAT di 6 cifre.");
        else if (!context.Comuni.TryGetValue(f[5], out sigla))
            Error("R11", ComuneIstat, f[5], $"COMUNE_ISTAT {f[5]} non corrisponde a nessun Comune esistente.");

        // MISURA
        if (!context.Misure.Contains(f[6]))
            Error("R12", FeedFormat.Misura, f[6], f[6].Length == 0 ? "MISURA mancante." : $"MISURA «{Clip(f[6])}» non è un codice della tabella delle misure ({string.Join(", ", context.Misure.Order(StringComparer.Ordinal))}).");

        // DATA_DOMANDA
        DateOnly? dataDomanda = null;
        if (!TryDate(f[7], out var dom))
            Error("R13", DataDomanda, f[7], f[7].Length == 0 ? "DATA_DOMANDA mancante." : $"DATA_DOMANDA «{Clip(f[7])}» non è una data valida nel formato gg/mm/aaaa.");
        else dataDomanda = dom;

        // IMPORTO_RICHIESTO
        long? richiesto = null;
        if (FeedValues.Amount(f[8], out var ric) is { } why) Error("R14", ImportoRichiesto, f[8], $"IMPORTO_RICHIESTO «{Clip(f[8])}» non valido: {why}.");
        else if (ric <= 0) Error("R15", ImportoRichiesto, f[8], "IMPORTO_RICHIESTO deve essere maggiore di zero.");
        else richiesto = ric;

        // STATO_PRATICA
        var stato = f[9];
        var rank = Rank(stato);
        if (rank is null)
            Error("R16", StatoPratica, stato, stato.Length == 0 ? "STATO_PRATICA mancante." : $"STATO_PRATICA «{Clip(stato)}» non è uno degli stati previsti ({string.Join(", ", Stati.Select(s => s.Code))}).");
        var conDelibera = ConDelibera.Contains(stato);
        var erogata = stato == "EROGATA";
        var revocata = stato == "REVOCATA";

        // DATA_DELIBERA, IMPORTO_DELIBERATO
        var dataDelibera = OptionalDate(f[10], DataDelibera, "R17", conDelibera, stato, issues, n);
        var deliberato = OptionalAmount(f[11], ImportoDeliberato, "R18", conDelibera, stato, issues, n);

        // DATA_EROGAZIONE, IMPORTO_EROGATO: required for EROGATA; for REVOCATA both or neither (revoked after payment or not)
        var erogazioneRichiesta = erogata || (revocata && (f[12].Length > 0 || f[13].Length > 0));
        var dataErogazione = OptionalDate(f[12], DataErogazione, "R19", erogazioneRichiesta, stato, issues, n);
        var erogato = OptionalAmount(f[13], ImportoErogato, "R20", erogazioneRichiesta, stato, issues, n);

        // NOTE
        if (f[14].Length > MaxNoteLength) Error("R21", Note, f[14], $"NOTE è lungo {f[14].Length} caratteri: al massimo {MaxNoteLength}.");

        // Cross-field: domanda ≤ delibera ≤ erogazione ≤ riferimento; erogato ≤ deliberato
        var chain = new List<(string Name, DateOnly Date)>(4);
        if (dataDomanda is { } a) chain.Add((DataDomanda, a));
        if (dataDelibera is { } b) chain.Add((DataDelibera, b));
        if (dataErogazione is { } c) chain.Add((DataErogazione, c));
        if (dataRif is { } r) chain.Add((DataRiferimento, r));
        for (var i = 1; i < chain.Count; i++)
        {
            if (chain[i - 1].Date <= chain[i].Date) continue;
            Error("R22", chain[i - 1].Name, Date(chain[i - 1].Date),
                $"{chain[i - 1].Name} {Date(chain[i - 1].Date)} è successiva a {chain[i].Name} {Date(chain[i].Date)}: le date devono essere in ordine (domanda ≤ delibera ≤ erogazione ≤ riferimento).");
            break;
        }
        if (erogato is { } e && deliberato is { } d && e > d)
            Error("R23", ImportoErogato, f[13], $"IMPORTO_EROGATO {f[13]} supera IMPORTO_DELIBERATO {f[11]}.");

        // Warnings
        if (deliberato is { } dd && richiesto is { } rr && dd > rr)
            issues.Add(new FeedIssue(n, ImportoDeliberato, f[11], "W01", $"IMPORTO_DELIBERATO {f[11]} è superiore a IMPORTO_RICHIESTO {f[8]}.", true));
        if (rank is { } newRank && id.Length is > 0 and <= MaxIdLength && context.HeldRanks.TryGetValue(PraticaKey.Hash(id), out var held) && newRank < held)
            issues.Add(new FeedIssue(n, StatoPratica, stato, "W02",
                $"La pratica «{Clip(id)}» torna allo stato {stato} da uno stato successivo già registrato nel portale ({Stati.First(s => s.Rank == held).Code}{(held == 2 ? " o equivalente" : "")}).", true));

        if (issues.Any(i => !i.Avviso)) return null;
        return new FeedRecord(n, f[0], dataRif!.Value, id, cf, f[4], f[5], f[6], dataDomanda!.Value, richiesto!.Value, stato,
            dataDelibera, deliberato, dataErogazione, erogato, f[14].Length == 0 ? null : f[14]) { };
    }

    private static DateOnly? OptionalDate(string text, string field, string code, bool required, string stato, List<FeedIssue> issues, int n)
    {
        if (text.Length == 0)
        {
            if (required) issues.Add(new FeedIssue(n, field, "", code, $"{field} è obbligatoria per una pratica in stato {stato}."));
            return null;
        }
        if (TryDate(text, out var d)) return d;
        issues.Add(new FeedIssue(n, field, Clip(text), code, $"{field} «{Clip(text)}» non è una data valida nel formato gg/mm/aaaa."));
        return null;
    }

    private static long? OptionalAmount(string text, string field, string code, bool required, string stato, List<FeedIssue> issues, int n)
    {
        if (text.Length == 0)
        {
            if (required) issues.Add(new FeedIssue(n, field, "", code, $"{field} è obbligatorio per una pratica in stato {stato}."));
            return null;
        }
        if (FeedValues.Amount(text, out var cents) is { } why)
        {
            issues.Add(new FeedIssue(n, field, Clip(text), code, $"{field} «{Clip(text)}» non valido: {why}."));
            return null;
        }
        return cents;
    }

    private static bool TryDate(string text, out DateOnly date) => FeedValues.TryDate(text, out date);

    private static string Date(DateOnly d) => FeedValues.Date(d);

    private static string Clip(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
}
