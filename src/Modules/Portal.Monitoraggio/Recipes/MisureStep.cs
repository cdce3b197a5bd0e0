using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Recipes;

/// <summary>"misureMonitoraggio": { "misure": [ { "code", "descrizione" } ] } — the measures table (MISURA); idempotent.</summary>
internal sealed class MisureStep(MonitoraggioDbContext db) : IRecipeStep
{
    public string Name => "misureMonitoraggio";

    private sealed record Def(string Code, string Descrizione);
    private sealed record Body(List<Def>? Misure);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var body = RecipeJson.Read<Body>(step, "misureMonitoraggio");
        foreach (var d in body.Misure ?? [])
        {
            if (string.IsNullOrWhiteSpace(d.Code) || d.Code.Length > 20 || d.Code.Contains('|'))
                throw new RecipeException($"Codice di misura non valido: «{d.Code}» (al massimo 20 caratteri, senza «|»).");
            var m = await db.Misure.FirstOrDefaultAsync(x => x.Code == d.Code, ct);
            if (m is null) db.Misure.Add(new Misura { Code = d.Code, Descrizione = d.Descrizione });
            else m.Descrizione = d.Descrizione;
        }
        await db.SaveChangesAsync(ct);
        context.Log.Add($"Misure di monitoraggio: {body.Misure?.Count ?? 0}.");
    }
}
