using System.Text.Json;
using Portal.Bonus.Services;
using Portal.Core.Errors;
using Portal.Core.Recipes;

namespace Portal.Bonus.Recipes;

/// <summary>
/// "bonusBandi": { "items": [ { "codice", "titolo", "avviso" (slug of a published Avviso with servizio "Bonus", whose
/// Finestre are the call's windows), "regole": { ...BandoRegole... } } ] }. Idempotent: the same rules again change
/// nothing; different rules make a new version (audited).
/// </summary>
internal sealed class BandoStep(BandiService bandi) : IRecipeStep
{
    public string Name => "bonusBandi";

    private sealed record ItemDef(string Codice, string Titolo, string? Avviso, BandoRegole? Regole);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var items = RecipeJson.Read<List<ItemDef>>(step.GetProperty("items"), "bonusBandi.items");
        foreach (var item in items)
        {
            if (item.Regole is null) throw new RecipeException($"bonusBandi: il bando «{item.Codice}» non ha le regole.");
            try
            {
                var (bando, changed) = await bandi.EnsureAsync(item.Codice, item.Titolo, item.Avviso, item.Regole, context.RunBy, ct);
                context.Log.Add(changed ? $"Bando {bando.Codice}: versione {bando.Versione}" : $"Bando {bando.Codice}: invariato");
            }
            catch (PortalException e)
            {
                throw new RecipeException($"bonusBandi «{item.Codice}»: {string.Join(" ", e.Errors.Select(x => $"{x.Key}: {x.Value}").DefaultIfEmpty(e.Message))}");
            }
        }
    }
}
