using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Recipes;
using Portal.Did.Data;

namespace Portal.Did.Recipes;

/// <summary>
/// "didCpiComuni": { "file": "data/cpi-comuni.csv" } — the CPI competent for each Comune of the region
/// (";"-separated: codice_istat;cpi). A Comune listed twice, an unknown CPI or a Comune of the region left without a
/// CPI stops the recipe with an Italian message; the table is replaced as a whole.
/// </summary>
internal sealed class CpiComuniStep(DidDbContext db, ICentriImpiego centri, RegionComuni comuni) : IRecipeStep
{
    public string Name => "didCpiComuni";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var path = context.ResolvePath(step.TryGetProperty("file", out var f) ? f.GetString() ?? "" : throw new RecipeException("didCpiComuni: «file» mancante."));
        if (!File.Exists(path)) throw new RecipeException($"didCpiComuni: file {path} non trovato.");
        var known = (await centri.ListAsync(ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, ct))
        {
            line++;
            if (line == 1 || string.IsNullOrWhiteSpace(text)) continue;
            var parts = text.Split(';');
            if (parts.Length != 2 || parts[0].Trim().Length != 6 || !parts[0].Trim().All(char.IsAsciiDigit))
                throw new RecipeException($"didCpiComuni: riga {line}: attesi «codice_istat;cpi» con un codice ISTAT di 6 cifre.");
            var (istat, cpi) = (parts[0].Trim(), parts[1].Trim());
            if (!known.Contains(cpi)) throw new RecipeException($"didCpiComuni: riga {line}: CPI «{cpi}» sconosciuto (definirlo prima con il passo «accreditamenti»).");
            if (!map.TryAdd(istat, cpi)) throw new RecipeException($"didCpiComuni: riga {line}: il Comune {istat} è già assegnato al CPI {map[istat]}: ogni Comune appartiene a un solo CPI.");
        }
        var uncovered = (await comuni.ListAsync(ct)).Where(c => !map.ContainsKey(c.CodiceIstat)).Select(c => $"{c.Nome} ({c.CodiceIstat})").ToList();
        if (uncovered.Count > 0) throw new RecipeException($"didCpiComuni: Comuni della regione senza CPI: {string.Join(", ", uncovered.Take(20))}.");
        await db.CpiComuni.ExecuteDeleteAsync(ct);
        db.CpiComuni.AddRange(map.Select(m => new CpiComune { ComuneIstat = m.Key, CpiCode = m.Value }));
        await db.SaveChangesAsync(ct);
        context.Log.Add($"didCpiComuni: {map.Count} Comuni assegnati a {map.Values.Distinct().Count()} CPI");
    }
}
