using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Model;
using Portal.Anagrafica.Services;
using Portal.Core.Recipes;

namespace Portal.Anagrafica.Recipes;

/// <summary>
/// "statiEsteri": { "stati": [ { "codice": "215", "denominazione": "FRANCIA", "codiceCatastale": "Z110", "ue": true } ] }:
/// the citizenships of the form and the foreign birth places of the codice fiscale.
/// </summary>
internal sealed class StatiEsteriStep(AnagraficaDbContext db) : IRecipeStep
{
    public string Name => "statiEsteri";

    private sealed record StatoDef(string Codice, string Denominazione, string? CodiceCatastale, bool Ue);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var stati = RecipeJson.Read<List<StatoDef>>(step.GetProperty("stati"), "statiEsteri.stati");
        var wrong = stati.Where(s => s.Codice.Length != 3 || !s.Codice.All(char.IsAsciiDigit)
            || (s.CodiceCatastale is { } z && (z.Length != 4 || z[0] != 'Z'))).Select(s => s.Codice).ToList();
        if (wrong.Count > 0) throw new RecipeException($"statiEsteri: codici non validi: {string.Join(", ", wrong)}.");
        var existing = await db.Stati.ToDictionaryAsync(s => s.Codice, ct);
        var order = 0;
        foreach (var def in stati)
        {
            order++;
            if (!existing.TryGetValue(def.Codice, out var s))
            {
                s = new StatoEstero { Codice = def.Codice, Denominazione = def.Denominazione };
                db.Stati.Add(s);
            }
            s.Denominazione = def.Denominazione;
            s.CodiceCatastale = def.CodiceCatastale;
            s.Ue = def.Ue;
            s.Order = order;
        }
        await db.SaveChangesAsync(ct);
        context.Log.Add($"Stati esteri e cittadinanze: {stati.Count}.");
    }
}

/// <summary>
/// "registroWelfare": { "rows": [ { "codiceFiscale", "cognome", "nome", "indirizzo", "civico", "cap", "comuneIstat", ... } ] }
/// or { "file": "data/registro.csv" }: rows of the "Indice regionale del welfare".
/// </summary>
internal sealed class RegistroWelfareStep(RegistryImporter importer) : IRecipeStep
{
    public string Name => "registroWelfare";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        RegistryImportResult result;
        if (step.TryGetProperty("file", out var file))
        {
            await using var stream = File.OpenRead(context.ResolvePath(file.GetString() ?? throw new RecipeException("registroWelfare: «file» vuoto.")));
            result = await importer.ImportCsvAsync(stream, ct);
        }
        else
        {
            result = await importer.ImportRowsAsync(RecipeJson.Read<List<RegistryRow>>(step.GetProperty("rows"), "registroWelfare.rows"), ct);
        }
        if (!result.Ok) throw new RecipeException("registroWelfare: " + string.Join(" ", result.Errors));
        context.Log.Add($"Indice regionale del welfare: {result.Added} righe aggiunte, {result.Updated} aggiornate.");
    }
}
