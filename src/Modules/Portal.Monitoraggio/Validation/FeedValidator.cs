using System.Buffers;
using System.Text;
using Portal.Core.Validation;
using static Portal.Monitoraggio.Validation.FeedFormat;

namespace Portal.Monitoraggio.Validation;

/// <summary>
/// Checks a feed against layout version 1 (<see cref="FeedFormat"/>) in one streaming pass: every field and
/// cross-field rule is an error with line, field, value and message; the three warnings are reported apart.
/// Valid lines are handed on (<see cref="FeedRow"/>), so the same pass can feed the apply. A line is decoded once
/// into a reused buffer and checked field by field on spans: strings are made only for findings (and for the
/// codice fiscale / partita IVA, whose checks take one).
/// </summary>
public sealed class FeedValidator
{
    private const int MaxValueLength = 300;
    private readonly FeedContext _context;
    private readonly Dictionary<int, (string Sigla, byte[] Utf8)> _comuni = [];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _misure;
    private readonly FeedRow _row = new();

    public FeedValidator(FeedContext context)
    {
        _context = context;
        foreach (var (code, sigla) in context.Comuni)
            if (code.Length == 6 && !code.AsSpan().ContainsAnyExceptInRange('0', '9'))
                _comuni[int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)] = (sigla, Encoding.UTF8.GetBytes(sigla));
        _misure = new HashSet<string>(context.Misure, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>As <see cref="RunRowsAsync"/>, each valid line handed on as a <see cref="FeedRecord"/> of its own.</summary>
    public Task<FeedSummary> RunAsync(Stream stream, Func<FeedIssue, ValueTask> onIssue, Func<FeedRecord, ValueTask>? onRecord = null,
        Func<int, ValueTask>? onProgress = null, int progressEvery = 5000, CancellationToken ct = default) =>
        RunRowsAsync(stream, onIssue, onRecord is null ? null : row => onRecord(row.ToRecord()), onProgress, progressEvery, ct);

    public async Task<FeedSummary> RunRowsAsync(Stream stream, Func<FeedIssue, ValueTask> onIssue, Func<FeedRow, ValueTask>? onRow = null,
        Func<int, ValueTask>? onProgress = null, int progressEvery = 5000, CancellationToken ct = default)
    {
        var summary = new FeedSummary();
        var seen = new SeenKeys(_context.ExpectedLines);
        DateOnly? firstDate = null;
        var header = false;
        var issues = new List<FeedIssue>(8);
        var chars = ArrayPool<char>.Shared.Rent(MaxLineBytes);

        async ValueTask Emit(FeedIssue issue)
        {
            if (issue.Avviso) summary.Warnings++;
            else summary.Errors++;
            summary.PerRule[issue.Code] = summary.PerRule.GetValueOrDefault(issue.Code) + 1;
            await onIssue(issue);
        }

        using var reader = new FeedLineReader(stream);
        try
        {
            while (await reader.NextAsync(ct))
            {
                var length = 0;
                if (!reader.TooLong)
                {
                    var status = System.Text.Unicode.Utf8.ToUtf16(reader.Bytes, chars, out _, out length, replaceInvalidSequences: false);
                    if (status != OperationStatus.Done) reader.ThrowEncoding();
                    reader.CheckControls();
                }
                var text = chars.AsSpan(0, length);
                if (!header)
                {
                    header = true;
                    if (reader.TooLong || !text.SequenceEqual(Header))
                    {
                        await Emit(new FeedIssue(1, null, Clip(text), "F03", HeaderMessage(reader.TooLong, new string(text))));
                        return summary;
                    }
                    continue;
                }
                summary.Lines++;
                if (summary.Lines > MaxLines)
                {
                    await Emit(new FeedIssue(reader.Number, null, null, "F08", $"Il file supera il numero massimo di {MaxLines:N0} pratiche: non è stato letto oltre.".Replace(",", ".", StringComparison.Ordinal)));
                    return summary;
                }
                if (onProgress is not null && summary.Lines % progressEvery == 0) await onProgress(summary.Lines);
                issues.Clear();
                var valid = CheckLine(reader, chars, length, issues, seen, ref firstDate);
                foreach (var i in issues) await Emit(i);
                if (!valid) continue;
                var row = _row;
                var totals = summary.PerStato.TryGetValue(row.Stato, out var t) ? t : summary.PerStato[row.Stato] = new StatoTotals();
                totals.Pratiche++;
                totals.Richiesto += row.ImportoRichiesto;
                totals.Deliberato += row.ImportoDeliberato ?? 0;
                totals.Erogato += row.ImportoErogato ?? 0;
                if (onRow is not null) await onRow(row);
            }
        }
        catch (FeedEncodingException e)
        {
            await Emit(new FeedIssue(e.Line, null, $"0x{e.Value:X2}", "F02", e.Message));
            return summary;
        }
        catch (FeedControlCharacterException e)
        {
            // As an encoding error: the file is not text of the format, reading stops here; the value names the byte, never holds it.
            await Emit(new FeedIssue(e.Line, null, $"0x{e.Value:X2}", "F09", e.Message));
            return summary;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        if (!header) await Emit(new FeedIssue(0, null, null, "F01", "Il file è vuoto: non contiene nemmeno l'intestazione."));
        else if (summary.Lines == 0) await Emit(new FeedIssue(1, null, null, "F04", "Il file contiene solo l'intestazione: nessuna pratica da registrare."));
        summary.DataRiferimento = firstDate;
        if (firstDate is { } d && _context.LastAccepted is { } last && d < last)
            await Emit(new FeedIssue(2, DataRiferimento, Date(d), "W03",
                $"La data di riferimento {Date(d)} è precedente a quella dell'ultimo flusso accettato dell'ente ({Date(last)}): i dati sarebbero più vecchi di quelli già registrati.", true));
        return summary;
    }

    private static string HeaderMessage(bool tooLong, string text)
    {
        if (tooLong || text.Length == 0) return $"La prima riga deve essere l'intestazione: {Header}";
        var names = text.Split(Separator);
        if (names.Length != Fields.Count)
            return $"L'intestazione ha {names.Length} campi invece di {Fields.Count}: deve essere esattamente {Header}";
        for (var i = 0; i < names.Length; i++)
            if (names[i] != Fields[i].Name)
                return $"Il campo {i + 1} dell'intestazione è «{Clip(names[i])}» invece di {Fields[i].Name}: l'intestazione deve essere esattamente {Header}";
        return $"L'intestazione deve essere esattamente {Header}";
    }

    /// <summary>Checks one data line; true when it has no error (warnings aside), with <see cref="_row"/> filled.</summary>
    private bool CheckLine(FeedLineReader reader, char[] chars, int length, List<FeedIssue> issues, SeenKeys seen, ref DateOnly? firstDate)
    {
        var n = reader.Number;
        if (reader.TooLong)
        {
            issues.Add(new FeedIssue(n, null, null, "F06", $"La riga supera la lunghezza massima di {MaxLineBytes} byte: non può essere una pratica del tracciato."));
            return false;
        }
        if (length == 0)
        {
            issues.Add(new FeedIssue(n, null, null, "F07", "Riga vuota: ogni riga dopo l'intestazione deve descrivere una pratica."));
            return false;
        }
        var line = chars.AsSpan(0, length);
        var count = line.Count(Separator) + 1;
        if (count != Fields.Count)
        {
            var diff = count > Fields.Count ? "in più" : "in meno";
            issues.Add(new FeedIssue(n, null, Clip(line), "F05",
                $"La riga ha {count} campi invece di {Fields.Count} ({Math.Abs(count - Fields.Count)} separatori \"|\" {diff}): nessun campo può contenere il carattere \"|\"."));
            return false;
        }
        var row = _row;
        var bytes = reader.Bytes;
        row.LineChars = chars;
        row.LineBytes = reader.BufferForRow;
        Split(line, row.CharStart, 0);
        Split(bytes, row.ByteStart, reader.BytesStart);
        row.Line = n;
        var errors = 0;
        ReadOnlySpan<char> F(int i) => row.Text(i);
        void Error(string code, string field, ReadOnlySpan<char> value, string message)
        {
            errors++;
            issues.Add(new FeedIssue(n, field, Clip(value), code, message));
        }

        // CODICE_ENTE
        var ente = F(0);
        if (!ente.SequenceEqual(_context.EnteCode))
            Error("R01", CodiceEnte, ente, ente.Length == 0
                ? $"CODICE_ENTE mancante: indicare il codice dell'ente ({_context.EnteCode})."
                : $"CODICE_ENTE «{Clip(ente)}» non è il codice dell'ente per cui si invia il flusso ({_context.EnteCode}): un file di un altro ente non può essere caricato.");

        // DATA_RIFERIMENTO
        DateOnly? dataRif = null;
        var f1 = F(1);
        if (!TryDate(f1, out var rif))
            Error("R02", DataRiferimento, f1, f1.Length == 0 ? "DATA_RIFERIMENTO mancante." : $"DATA_RIFERIMENTO «{Clip(f1)}» non è una data valida nel formato gg/mm/aaaa.");
        else
        {
            dataRif = rif;
            if (rif > _context.Today) Error("R03", DataRiferimento, f1, $"DATA_RIFERIMENTO {f1} è nel futuro (oggi è il {Date(_context.Today)}).");
            if (firstDate is null) firstDate = rif;
            else if (rif != firstDate) Error("R04", DataRiferimento, f1, $"DATA_RIFERIMENTO {f1} è diversa da quella della prima riga ({Date(firstDate.Value)}): deve essere la stessa su tutte le righe.");
        }

        // ID_PRATICA
        var id = F(2);
        var idOk = id.Length is > 0 and <= MaxIdLength;
        ulong key = 0;
        if (!idOk || id.Trim().Length != id.Length)
            Error("R05", IdPratica, id, id.Length == 0 ? "ID_PRATICA mancante."
                : id.Length > MaxIdLength ? $"ID_PRATICA è lungo {id.Length} caratteri: al massimo {MaxIdLength}."
                : "ID_PRATICA non può iniziare o finire con spazi.");
        else
        {
            key = PraticaKey.Hash(id);
            if (!seen.TryAdd(key, n, out var firstLine)) Error("R06", IdPratica, id, $"ID_PRATICA «{Clip(id)}» è già presente alla riga {firstLine}: ogni pratica compare una sola volta nel file.");
        }

        // CF_PIVA_BENEFICIARIO
        var cf = F(3);
        if (!(cf.Length == 16 && CodiceFiscale.IsValid(cf)) && !(cf.Length == 11 && !cf.ContainsAnyExceptInRange('0', '9') && PartitaIva.IsValid(cf)))
            Error("R07", CfPiva, cf, cf.Length switch
            {
                0 => "CF_PIVA_BENEFICIARIO mancante.",
                16 => $"«{Clip(cf)}» non è un codice fiscale valido (formato o carattere di controllo; lettere maiuscole).",
                11 => $"«{cf}» non è una partita IVA valida: {PartitaIva.Problem(new string(cf))}",
                _ => $"«{Clip(cf)}» ha {cf.Length} caratteri: un codice fiscale ne ha 16, una partita IVA 11 cifre.",
            });

        // DENOMINAZIONE_BENEFICIARIO
        var nome = F(4);
        if (nome.Trim().Length == 0) Error("R08", Denominazione, nome, "DENOMINAZIONE_BENEFICIARIO mancante.");
        else if (nome.Length > MaxNameLength)
            Error("R09", Denominazione, nome, $"DENOMINAZIONE_BENEFICIARIO è lunga {nome.Length} caratteri: al massimo {MaxNameLength}.");

        // COMUNE_ISTAT
        var comune = F(5);
        if (comune.Length != 6 || comune.ContainsAnyExceptInRange('0', '9'))
            Error("R10", ComuneIstat, comune, comune.Length == 0 ? "COMUNE_ISTAT mancante." : $"COMUNE_ISTAT «{Clip(comune)}» non è un codice ISTAT di 6 cifre.");
        else if (!_comuni.TryGetValue(int.Parse(comune, provider: System.Globalization.CultureInfo.InvariantCulture), out var sigla))
            Error("R11", ComuneIstat, comune, $"COMUNE_ISTAT {comune} non corrisponde a nessun Comune esistente.");
        else
        {
            row.SiglaProvincia = sigla.Sigla;
            row.SiglaProvinciaUtf8 = sigla.Utf8;
        }

        // MISURA
        var misura = F(6);
        if (!_misure.Contains(misura))
            Error("R12", FeedFormat.Misura, misura, misura.Length == 0 ? "MISURA mancante." : $"MISURA «{Clip(misura)}» non è un codice della tabella delle misure ({string.Join(", ", _context.Misure.Order(StringComparer.Ordinal))}).");

        // DATA_DOMANDA
        DateOnly? dataDomanda = null;
        var f7 = F(7);
        if (!TryDate(f7, out var dom))
            Error("R13", DataDomanda, f7, f7.Length == 0 ? "DATA_DOMANDA mancante." : $"DATA_DOMANDA «{Clip(f7)}» non è una data valida nel formato gg/mm/aaaa.");
        else dataDomanda = dom;

        // IMPORTO_RICHIESTO
        long? richiesto = null;
        var f8 = F(8);
        if (FeedValues.Amount(f8, out var ric) is { } why) Error("R14", ImportoRichiesto, f8, $"IMPORTO_RICHIESTO «{Clip(f8)}» non valido: {why}.");
        else if (ric <= 0) Error("R15", ImportoRichiesto, f8, "IMPORTO_RICHIESTO deve essere maggiore di zero.");
        else richiesto = ric;

        // STATO_PRATICA
        var stato = F(9);
        string? code = null;
        int? rank = null;
        for (var i = 0; i < Stati.Count; i++) // an index, not foreach: no enumerator allocated per line
            if (stato.SequenceEqual(Stati[i].Code))
            {
                code = Stati[i].Code;
                rank = Stati[i].Rank;
                break;
            }
        if (rank is null)
            Error("R16", StatoPratica, stato, stato.Length == 0 ? "STATO_PRATICA mancante." : $"STATO_PRATICA «{Clip(stato)}» non è uno degli stati previsti ({string.Join(", ", Stati.Select(s => s.Code))}).");
        var conDelibera = code is not null && ConDelibera.Contains(code);
        var erogata = code == "EROGATA";
        var revocata = code == "REVOCATA";

        // DATA_DELIBERA, IMPORTO_DELIBERATO
        var dataDelibera = OptionalDate(F(10), DataDelibera, "R17", conDelibera, code, ref errors, issues, n);
        var deliberato = OptionalAmount(F(11), ImportoDeliberato, "R18", conDelibera, code, ref errors, issues, n);

        // DATA_EROGAZIONE, IMPORTO_EROGATO: required for EROGATA; for REVOCATA both or neither (revoked after payment or not)
        var erogazioneRichiesta = erogata || (revocata && (F(12).Length > 0 || F(13).Length > 0));
        var dataErogazione = OptionalDate(F(12), DataErogazione, "R19", erogazioneRichiesta, code, ref errors, issues, n);
        var erogato = OptionalAmount(F(13), ImportoErogato, "R20", erogazioneRichiesta, code, ref errors, issues, n);

        // NOTE
        if (F(14).Length > MaxNoteLength) Error("R21", Note, F(14), $"NOTE è lungo {F(14).Length} caratteri: al massimo {MaxNoteLength}.");

        // Cross-field: domanda ≤ delibera ≤ erogazione ≤ riferimento; erogato ≤ deliberato
        Span<DateOnly> chain = stackalloc DateOnly[4];
        Span<int> names = stackalloc int[4];
        var links = 0;
        if (dataDomanda is { } a) { chain[links] = a; names[links++] = 0; }
        if (dataDelibera is { } b) { chain[links] = b; names[links++] = 1; }
        if (dataErogazione is { } c) { chain[links] = c; names[links++] = 2; }
        if (dataRif is { } r) { chain[links] = r; names[links++] = 3; }
        for (var i = 1; i < links; i++)
        {
            if (chain[i - 1] <= chain[i]) continue;
            Error("R22", ChainNames[names[i - 1]], Date(chain[i - 1]),
                $"{ChainNames[names[i - 1]]} {Date(chain[i - 1])} è successiva a {ChainNames[names[i]]} {Date(chain[i])}: le date devono essere in ordine (domanda ≤ delibera ≤ erogazione ≤ riferimento).");
            break;
        }
        if (erogato is { } e && deliberato is { } d && e > d)
            Error("R23", ImportoErogato, F(13), $"IMPORTO_EROGATO {F(13)} supera IMPORTO_DELIBERATO {F(11)}.");

        // Warnings
        if (deliberato is { } dd && richiesto is { } rr && dd > rr)
            issues.Add(new FeedIssue(n, ImportoDeliberato, new string(F(11)), "W01", $"IMPORTO_DELIBERATO {F(11)} è superiore a IMPORTO_RICHIESTO {F(8)}.", true));
        var held = false;
        if (idOk && _context.HeldRanks.TryGetValue(key == 0 ? PraticaKey.Hash(id) : key, out var heldRank))
        {
            held = true;
            if (rank is { } newRank && newRank < heldRank)
                issues.Add(new FeedIssue(n, StatoPratica, new string(stato), "W02",
                    $"La pratica «{Clip(id)}» torna allo stato {stato} da uno stato successivo già registrato nel portale ({Stati.First(s => s.Rank == heldRank).Code}{(heldRank == 2 ? " o equivalente" : "")}).", true));
        }

        if (errors > 0) return false;
        row.DataRiferimento = dataRif!.Value;
        row.DataDomanda = dataDomanda!.Value;
        row.ImportoRichiesto = richiesto!.Value;
        row.Stato = code!;
        row.DataDelibera = dataDelibera;
        row.ImportoDeliberato = deliberato;
        row.DataErogazione = dataErogazione;
        row.ImportoErogato = erogato;
        row.Held = held;
        return true;
    }

    private static readonly string[] ChainNames = [DataDomanda, DataDelibera, DataErogazione, DataRiferimento];

    /// <summary>Start of each of the 15 fields (and one past the end of the line as a 16th), with '|' as separator.</summary>
    private static void Split(ReadOnlySpan<char> line, int[] starts, int origin)
    {
        var pos = 0;
        starts[0] = origin;
        for (var i = 1; i < FeedRow.FieldCount; i++)
        {
            pos += line[pos..].IndexOf('|') + 1;
            starts[i] = origin + pos;
        }
        starts[FeedRow.FieldCount] = origin + line.Length + 1;
    }

    // A '|' byte is always the character '|' in UTF-8 (bytes of multi-byte sequences are all >= 0x80).
    private static void Split(ReadOnlySpan<byte> line, int[] starts, int origin)
    {
        var pos = 0;
        starts[0] = origin;
        for (var i = 1; i < FeedRow.FieldCount; i++)
        {
            pos += line[pos..].IndexOf((byte)'|') + 1;
            starts[i] = origin + pos;
        }
        starts[FeedRow.FieldCount] = origin + line.Length + 1;
    }

    private static DateOnly? OptionalDate(ReadOnlySpan<char> text, string field, string code, bool required, string? stato, ref int errors, List<FeedIssue> issues, int n)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors++;
                issues.Add(new FeedIssue(n, field, "", code, $"{field} è obbligatoria per una pratica in stato {stato}."));
            }
            return null;
        }
        if (TryDate(text, out var d)) return d;
        errors++;
        issues.Add(new FeedIssue(n, field, Clip(text), code, $"{field} «{Clip(text)}» non è una data valida nel formato gg/mm/aaaa."));
        return null;
    }

    private static long? OptionalAmount(ReadOnlySpan<char> text, string field, string code, bool required, string? stato, ref int errors, List<FeedIssue> issues, int n)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors++;
                issues.Add(new FeedIssue(n, field, "", code, $"{field} è obbligatorio per una pratica in stato {stato}."));
            }
            return null;
        }
        if (FeedValues.Amount(text, out var cents) is { } why)
        {
            errors++;
            issues.Add(new FeedIssue(n, field, Clip(text), code, $"{field} «{Clip(text)}» non valido: {why}."));
            return null;
        }
        return cents;
    }

    private static bool TryDate(ReadOnlySpan<char> text, out DateOnly date) => FeedValues.TryDate(text, out date);

    private static string Date(DateOnly d) => FeedValues.Date(d);

    private static string Clip(ReadOnlySpan<char> value) => value.Length <= MaxValueLength ? new string(value) : string.Concat(value[..(MaxValueLength - 1)], "…");
}
