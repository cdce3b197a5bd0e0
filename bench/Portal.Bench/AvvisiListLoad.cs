using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Testing;

namespace Portal.Bench;

/// <summary>
/// The public avvisi at scale: publishes avvisi in steps up to N (10,000 by default) and at 0, 1,000 and N measures the
/// list (/avvisi, first and a deep page), the text search (a word of a few avvisi, a word of about a tenth of them, two
/// words), the site search (/cerca) and the home, each as the median and p95 of 30 requests after a warm-up.
/// The avvisi are written through ContentsDbContext like a publication (the search index follows on save).
/// Provider from PORTAL_TEST_PROVIDER (Sqlite or Postgres with PORTAL_TEST_POSTGRES), as the tests.
/// </summary>
public static class AvvisiListLoad
{
    private static readonly string[] Vocabolario =
    [
        "domanda", "contributo", "famiglie", "studenti", "scuola", "comune", "regione", "finestra", "bando", "graduatoria",
        "residenza", "attestazione", "isee", "reddito", "beneficiari", "requisiti", "scadenza", "modulo", "allegato", "protocollo",
        "servizi", "sociali", "sanità", "trasporti", "cultura", "sport", "turismo", "ambiente", "agricoltura", "imprese",
        "lavoro", "formazione", "tirocini", "giovani", "anziani", "disabilità", "casa", "affitto", "energia", "digitale",
        "innovazione", "ricerca", "università", "borse", "mobilità", "infanzia", "nidi", "mense", "libri", "computer",
    ];

    public static async Task RunAsync(int total)
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        var client = portal.Anonymous();
        Console.WriteLine($"avvisi [{portal.Database.Provider}]: fino a {total:N0} avvisi pubblicati");
        Console.WriteLine("avvisi pubblicati | richiesta | mediana ms | p95 ms");
        var published = 0;
        foreach (var step in new[] { 0, 1_000, total }.Distinct().Order())
        {
            var watch = Stopwatch.StartNew();
            while (published < step) published += await PublishBatchAsync(portal, published, Math.Min(1_000, step - published));
            if (step > 0) Console.WriteLine($"  (pubblicati {step:N0} in {watch.Elapsed.TotalSeconds:0.0} s)");
            Console.WriteLine($"  (carico della macchina: {LoadAverage()})");
            foreach (var (label, url) in new[]
                     {
                         ("elenco, pagina 1", "/avvisi"),
                         ("elenco, pagina 50", "/avvisi?pagina=50"),
                         ("elenco, categoria + stato", "/avvisi?categoria=Bench&stato=chiusi"),
                         ("ricerca, parola rara", "/avvisi?q=raro7"),
                         ("ricerca, parola di 1 su 10", "/avvisi?q=decimo"),
                         ("ricerca, due parole (radice)", "/avvisi?q=domande+contributi"),
                         ("cerca nel sito", "/cerca?q=raro7"),
                         ("home", "/"),
                     })
            {
                var (median, p95) = await MeasureAsync(client, url);
                Console.WriteLine($"{step,17:N0} | {label,-28} | {median,10:0.0} | {p95,6:0.0}");
            }
        }
    }

    /// <summary>Publishes <paramref name="count"/> avvisi in one save: item, version 1, the search row (written by the context).</summary>
    private static Task<int> PublishBatchAsync(PortalFactory portal, int from, int count) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ContentsDbContext>();
            var random = new Random(from);
            var now = DateTime.UtcNow;
            for (var n = from; n < from + count; n++)
            {
                var words = Enumerable.Range(0, 60).Select(_ => Vocabolario[random.Next(Vocabolario.Length)]).ToList();
                if (n % 10 == 0) words.Add("decimo");
                if (n % 1000 == 7) words.Add("raro7");
                var title = $"Avviso di prova {n} – {words[0]} e {words[1]}";
                var item = new ContentItem
                {
                    ContentType = ContentTypes.Avviso, Title = title, Slug = $"bench-{n}", Status = ContentStatus.Pubblicato,
                    LatestVersion = 1, PublishedVersion = 1, CreatedUtc = now, ModifiedUtc = now, FirstPublishedUtc = now.AddSeconds(-n), CreatedBy = "bench",
                };
                db.Items.Add(item);
                db.Versions.Add(new ContentVersion
                {
                    ItemId = item.Id, Number = 1, Title = title, Summary = string.Join(' ', words.Take(12)), Body = string.Join(' ', words),
                    DataJson = new ContentData { Categoria = "Bench" }.ToJson(), CreatedUtc = now, CreatedBy = "bench",
                });
            }
            await db.SaveChangesAsync();
            return count;
        });

    /// <summary>The load average (1, 5, 15 min) on Linux: the machine may be shared, the figures are read with it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "non disponibile";

    private static async Task<(double Median, double P95)> MeasureAsync(HttpClient client, string url)
    {
        for (var i = 0; i < 5; i++) (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var times = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
    }
}
