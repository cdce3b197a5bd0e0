using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Services;

namespace Portal.Monitoraggio.Recipes;

/// <summary>
/// "flussiMonitoraggioDemo" (demo recipe only): { "flussi": [ { "ente", "operatore" (codice fiscale), "giorniFa", "pratiche",
/// "respinto" } ] }. Each feed is generated (<see cref="DemoFeed"/>), received as if its operator had uploaded it and
/// processed at once, within the recipe run, by the same <see cref="FlussoProcessor"/> as any upload: validated,
/// applied or rejected with its error report. Nothing is left for the background but the protocol number and the
/// receipt of the applied feeds, as for any accepted feed. Idempotent (a feed already there is skipped).
/// </summary>
internal sealed class FlussiDemoStep(MonitoraggioDbContext db, FlussiService flussi, FlussoProcessor processor, IPeople people, TimeProvider clock) : IRecipeStep
{
    public string Name => "flussiMonitoraggioDemo";

    private sealed record Def(string? Ente, string? Operatore, int GiorniFa, int Pratiche, bool Respinto);
    private sealed record Body(List<Def>? Flussi);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var body = RecipeJson.Read<Body>(step, Name);
        var misure = await db.Misure.AsNoTracking().OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        if (misure.Count == 0) throw new RecipeException("Flussi dimostrativi: la tabella delle misure è vuota (passo «misureMonitoraggio» della ricetta di installazione).");
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        var defs = body.Flussi ?? [];
        var anchor = today.AddDays(-(defs.Count == 0 ? 0 : defs.Max(d => d.GiorniFa)) - 60);
        var seeds = defs.Select(d => d.Ente).Distinct().Select((e, i) => (e, i + 1)).ToDictionary(x => x.e ?? "", x => x.Item2);
        int applied = 0, rejected = 0;
        foreach (var d in defs)
        {
            if (string.IsNullOrWhiteSpace(d.Ente) || string.IsNullOrWhiteSpace(d.Operatore) || d.GiorniFa < 1 || d.Pratiche is < 1 or > 10_000)
                throw new RecipeException("Flusso dimostrativo non valido: servono «ente», «operatore», «giorniFa» ≥ 1 e «pratiche» tra 1 e 10.000.");
            var rif = today.AddDays(-d.GiorniFa);
            var name = $"demo-{d.Ente}-{rif:yyyyMMdd}{(d.Respinto ? "-errori" : "")}.txt";
            if (await db.Flussi.AnyAsync(f => f.EnteCode == d.Ente && f.FileName == name, ct)) continue;
            var person = await people.FindByCodiceFiscaleAsync(d.Operatore, ct)
                ?? throw new RecipeException($"Flusso dimostrativo {name}: l'operatore {d.Operatore} non è tra le persone della ricetta.");
            var text = DemoFeed.Build(d.Ente, seeds[d.Ente], anchor, rif, d.Pratiche, misure, d.Respinto);
            await using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var flusso = await flussi.ReceiveAsync(d.Ente, name, content, "web", person.Id, person.FullName, person.CodiceFiscale, queue: false, ct);
            await processor.ProcessNowAsync(flusso.Id, ct);
            var outcome = await db.Flussi.AsNoTracking().Where(f => f.Id == flusso.Id).Select(f => new { f.Stato, f.Esito }).SingleAsync(ct);
            var expected = d.Respinto ? StatoFlusso.Respinto : StatoFlusso.Applicato;
            if (outcome.Stato != expected)
            {
                var first = await db.Segnalazioni.AsNoTracking().Where(s => s.FlussoId == flusso.Id).OrderBy(s => s.Riga).Take(3)
                    .Select(s => $"riga {s.Riga} {s.Campo} «{s.Valore}»: {s.Messaggio}").ToListAsync(ct);
                throw new RecipeException($"Flusso dimostrativo {name}: esito «{FlussoLabels.Stato(outcome.Stato)}» invece di «{FlussoLabels.Stato(expected)}» ({outcome.Esito} {string.Join("; ", first)}).");
            }
            if (d.Respinto) rejected++;
            else applied++;
        }
        context.Log.Add($"Flussi di monitoraggio dimostrativi: {applied} applicati, {rejected} respinti.");
    }
}
