using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;
using Portal.Core.Data;

namespace Portal.Core.Comuni;

public sealed record ComuniImportResult(int Read, int Added, int Updated, IReadOnlyList<string> Errors);

/// <summary>
/// Imports ISTAT's list of Comuni: either the portal's layout
/// (codice_istat;nome;sigla_provincia;provincia;regione;codice_catastale) or ISTAT's own
/// "Elenco comuni italiani" CSV (Latin-1, headers such as "Codice Comune formato alfanumerico").
/// Upserts by ISTAT code, so it can run again.
/// </summary>
public sealed class ComuniImporter
{
    private readonly CoreDbContext _db;

    /// <remarks>Internal: the Core database is Core's own; others get this service from the container.</remarks>
    internal ComuniImporter(CoreDbContext db)
    {
        _db = db;
    }

    /// <summary>How many Comuni (anywhere in Italy) the register holds.</summary>
    public Task<int> CountAsync(CancellationToken ct = default) => _db.Comuni.CountAsync(ct);

    private static readonly string[][] Columns =
    [
        ["codice_istat", "codice comune formato alfanumerico"],
        ["nome", "denominazione in italiano", "denominazione (italiana e straniera)"],
        ["sigla_provincia", "sigla automobilistica"],
        ["provincia", "denominazione dell'unità territoriale sovracomunale (valida a fini statistici)", "denominazione provincia"],
        ["regione", "denominazione regione"],
        ["codice_catastale", "codice catastale del comune"],
    ];

    public async Task<ComuniImportResult> ImportAsync(Stream csv, CancellationToken ct = default)
    {
        var text = await ReadTextAsync(csv, ct);
        using var reader = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [text.Split('\n', 2)[0].Contains(';') ? ";" : ","],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = true,
        };
        var headerFields = reader.ReadFields();
        if (headerFields is null) return new ComuniImportResult(0, 0, 0, ["Il file è vuoto."]);
        var header = headerFields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var index = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            index[c] = Array.FindIndex(header, h => Columns[c].Contains(h));
            if (index[c] < 0 && c is 0 or 1 or 2 or 5)
                return new ComuniImportResult(0, 0, 0, [$"Colonna mancante: «{Columns[c][0]}» (o l'intestazione ISTAT equivalente)."]);
        }

        var existing = await _db.Comuni.ToDictionaryAsync(c => c.CodiceIstat, ct);
        var errors = new List<string>();
        int read = 0, added = 0, updated = 0;
        while (!reader.EndOfData)
        {
            var line = reader.LineNumber;
            string[]? fields;
            try { fields = reader.ReadFields(); }
            catch (MalformedLineException e) { errors.Add($"Riga {e.LineNumber}: riga non leggibile."); continue; }
            if (fields is null || fields.All(string.IsNullOrWhiteSpace)) continue;
            read++;
            string? Field(int c) => index[c] < 0 || index[c] >= fields.Length ? null : fields[index[c]].Trim();
            var code = Field(0) ?? "";
            if (code.Length is > 0 and < 6 && code.All(char.IsAsciiDigit)) code = code.PadLeft(6, '0');
            var nome = Field(1);
            var sigla = Field(2)?.ToUpperInvariant();
            var catastale = Field(5)?.ToUpperInvariant();
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            { errors.Add($"Riga {line}: codice ISTAT «{code}» non valido (6 cifre)."); continue; }
            if (string.IsNullOrWhiteSpace(nome)) { errors.Add($"Riga {line}: nome del Comune mancante."); continue; }
            if (sigla is null || sigla.Length != 2) { errors.Add($"Riga {line}: sigla della provincia «{sigla}» non valida."); continue; }
            if (catastale is null || catastale.Length != 4) { errors.Add($"Riga {line}: codice catastale «{catastale}» non valido."); continue; }
            if (existing.TryGetValue(code, out var comune))
            {
                if (comune.Nome == nome && comune.SiglaProvincia == sigla && comune.CodiceCatastale == catastale
                    && comune.Provincia == Field(3) && comune.Regione == Field(4)) continue;
                comune.Nome = nome; comune.SiglaProvincia = sigla; comune.CodiceCatastale = catastale;
                comune.Provincia = Field(3); comune.Regione = Field(4);
                updated++;
            }
            else
            {
                comune = new Comune { CodiceIstat = code, Nome = nome, SiglaProvincia = sigla, CodiceCatastale = catastale, Provincia = Field(3), Regione = Field(4) };
                _db.Comuni.Add(comune);
                existing[code] = comune;
                added++;
            }
        }
        await _db.SaveChangesAsync(ct);
        return new ComuniImportResult(read, added, updated, errors);
    }

    private static async Task<string> ReadTextAsync(Stream csv, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes); // ISTAT publishes its CSV in Windows-1252/Latin-1
        }
    }
}
