using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Model;
using Portal.Core.Validation;

namespace Portal.Anagrafica.Services;

/// <summary>One row of the registry as read from a CSV file or a recipe.</summary>
public sealed record RegistryRow(
    string? CodiceFiscale, string? Cognome = null, string? Nome = null,
    string? Indirizzo = null, string? Civico = null, string? Cap = null, string? ComuneIstat = null,
    string? Telefono = null, string? Cellulare = null, string? Email = null,
    string? StatoCivile = null, string? Cittadinanza = null, string? TitoloStudio = null);

public sealed record RegistryImportResult(int Read, int Added, int Updated, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Loads the "Indice regionale del welfare" table. All or nothing: a file with any wrong row
/// writes nothing and lists every error by row number.
/// </summary>
public sealed partial class RegistryImporter(AnagraficaDbContext db, AnagraficaLookups lookups, TimeProvider clock)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static readonly string[] Columns =
    [
        "codice_fiscale", "cognome", "nome", "indirizzo", "civico", "cap", "comune_istat",
        "telefono", "cellulare", "email", "stato_civile", "cittadinanza", "titolo_studio",
    ];

    public async Task<RegistryImportResult> ImportCsvAsync(Stream csv, CancellationToken ct)
    {
        string text;
        using (var buffer = new MemoryStream())
        {
            await csv.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxBytes) return Fail("Il file supera la dimensione massima di 10 MB.");
            var bytes = buffer.ToArray();
            try { text = new UTF8Encoding(false, true).GetString(bytes); }
            catch (DecoderFallbackException) { text = Encoding.Latin1.GetString(bytes); }
        }
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text)) return Fail("Il file è vuoto.");
        using var parser = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [text.Split('\n', 2)[0].Contains(';') ? ";" : ","],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = true,
        };
        var header = parser.ReadFields()?.Select(h => h.Trim().ToLowerInvariant()).ToArray() ?? [];
        var index = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (index[0] < 0) return Fail("Colonna mancante: «codice_fiscale». Intestazione attesa: " + string.Join(";", Columns) + ".");
        var rows = new List<(int Line, RegistryRow Row)>();
        var errors = new List<string>();
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            string[]? f;
            try { f = parser.ReadFields(); }
            catch (MalformedLineException) { errors.Add($"Riga {line}: virgolette non chiuse."); continue; }
            if (f is null || f.All(string.IsNullOrWhiteSpace)) continue;
            string? At(int c) => index[c] >= 0 && index[c] < f.Length && !string.IsNullOrWhiteSpace(f[index[c]]) ? f[index[c]].Trim() : null;
            rows.Add(((int)line, new RegistryRow(At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10), At(11), At(12))));
        }
        if (rows.Count == 0 && errors.Count == 0) return Fail("Il file non contiene righe di dati.");
        return await ImportAsync(rows, errors, ct);
    }

    /// <summary>Rows from a recipe: numbered from 1.</summary>
    public Task<RegistryImportResult> ImportRowsAsync(IReadOnlyList<RegistryRow> rows, CancellationToken ct) =>
        ImportAsync(rows.Select((r, i) => (i + 1, r)).ToList(), [], ct);

    private async Task<RegistryImportResult> ImportAsync(List<(int Line, RegistryRow Row)> rows, List<string> errors, CancellationToken ct)
    {
        var comuni = await lookups.ExistingComuniAsync(rows.Select(r => r.Row.ComuneIstat).OfType<string>(), ct);
        var statoCivile = (await lookups.TableAsync(AnagraficaLookups.StatoCivile, ct)).Select(v => v.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var titoloStudio = (await lookups.TableAsync(AnagraficaLookups.TitoloStudio, ct)).Select(v => v.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cittadinanze = (await lookups.CittadinanzeAsync(ct)).Select(c => c.Code).ToHashSet();
        var seen = new Dictionary<string, int>();
        foreach (var (line, r) in rows)
        {
            void Error(string message) => errors.Add($"Riga {line}: {message}");
            var cf = r.CodiceFiscale?.ToUpperInvariant();
            if (cf is null) Error("codice fiscale mancante.");
            else if (!CodiceFiscale.IsValid(cf)) Error($"codice fiscale «{r.CodiceFiscale}» non valido.");
            else if (seen.TryGetValue(cf, out var first)) Error($"codice fiscale {cf} già presente alla riga {first}.");
            else seen[cf] = line;
            if (r.Cap is not null && !CapPattern().IsMatch(r.Cap)) Error($"CAP «{r.Cap}» non valido (5 cifre).");
            if (r.ComuneIstat is not null && !comuni.Contains(r.ComuneIstat)) Error($"codice ISTAT del Comune «{r.ComuneIstat}» sconosciuto.");
            if (r.Email is not null && !EmailAddress.IsValid(r.Email)) Error($"email «{r.Email}» non valida.");
            if (r.Telefono is not null && !PhonePattern().IsMatch(r.Telefono.Replace(" ", "", StringComparison.Ordinal))) Error($"telefono «{r.Telefono}» non valido.");
            if (r.Cellulare is not null && !PhonePattern().IsMatch(r.Cellulare.Replace(" ", "", StringComparison.Ordinal))) Error($"cellulare «{r.Cellulare}» non valido.");
            if (r.StatoCivile is not null && !statoCivile.Contains(r.StatoCivile)) Error($"stato civile «{r.StatoCivile}» non presente nella tabella di decodifica.");
            if (r.TitoloStudio is not null && !titoloStudio.Contains(r.TitoloStudio)) Error($"titolo di studio «{r.TitoloStudio}» non presente nella tabella di decodifica.");
            if (r.Cittadinanza is not null && !cittadinanze.Contains(r.Cittadinanza)) Error($"cittadinanza «{r.Cittadinanza}» non presente nella tabella degli stati.");
            if (Longer(r.Cognome, 100) || Longer(r.Nome, 100) || Longer(r.Indirizzo, 200) || Longer(r.Civico, 20)) Error("un campo supera la lunghezza massima.");
        }
        if (errors.Count > 0) return new RegistryImportResult(rows.Count, 0, 0, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var codes = seen.Keys.ToList();
        var existing = await db.Registry.Where(e => codes.Contains(e.CodiceFiscale)).ToDictionaryAsync(e => e.CodiceFiscale, ct);
        int added = 0, updated = 0;
        foreach (var (_, r) in rows)
        {
            var cf = r.CodiceFiscale!.ToUpperInvariant();
            if (!existing.TryGetValue(cf, out var e))
            {
                e = new RegistryEntry { CodiceFiscale = cf };
                db.Registry.Add(e);
                added++;
            }
            else updated++;
            e.Cognome = r.Cognome?.ToUpperInvariant();
            e.Nome = r.Nome?.ToUpperInvariant();
            e.ResidenzaVia = r.Indirizzo;
            e.ResidenzaCivico = r.Civico;
            e.ResidenzaCap = r.Cap;
            e.ResidenzaComuneIstat = r.ComuneIstat;
            e.Telefono = r.Telefono?.Replace(" ", "", StringComparison.Ordinal);
            e.Cellulare = r.Cellulare?.Replace(" ", "", StringComparison.Ordinal);
            e.Email = r.Email;
            e.StatoCivile = r.StatoCivile?.ToUpperInvariant();
            e.Cittadinanza = r.Cittadinanza;
            e.TitoloStudio = r.TitoloStudio;
            e.ImportedUtc = now;
        }
        await db.SaveChangesAsync(ct);
        return new RegistryImportResult(rows.Count, added, updated, []);
    }

    private static bool Longer(string? s, int max) => s is not null && s.Length > max;

    private static RegistryImportResult Fail(string message) => new(0, 0, 0, [message]);

    [GeneratedRegex(@"^[0-9]{5}$")] private static partial Regex CapPattern();
    [GeneratedRegex(@"^\+?[0-9]{6,15}$")] private static partial Regex PhonePattern();
}
