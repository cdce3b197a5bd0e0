using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Outbox;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;
using Portal.Testing;

namespace Portal.Bench;

/// <summary>
/// monitoraggio.md / issue 13: a 1,000,000-line valid feed (about 150 MB) sent to the portal on PostgreSQL,
/// validated and applied; wall time of the processing, lines per second and peak RSS of the process, against
/// loading the same file with psql's \copy into a plain table on the same database in the same run.
/// Needs PORTAL_TEST_POSTGRES (as the tests) and psql on the PATH.
/// </summary>
internal static class MonitoraggioFeedLoad
{
    private const string Ente = "ENTE-FORMAZIONE-01";

    public static async Task RunAsync(int lines)
    {
        Environment.SetEnvironmentVariable("PORTAL_TEST_PROVIDER", "Postgres");
        var path = Path.Combine(Path.GetTempPath(), $"flusso-bench-{lines}.txt");
        Generate(path, lines);
        var size = new FileInfo(path).Length;
        Console.WriteLine($"file: {lines:N0} righe, {size / 1048576.0:0.0} MB");

        using var database = TestDatabase.Create();
        using var portal = PortalFactory.Create(database, new Dictionary<string, string?>
        {
            ["Portal:Outbox:DispatcherEnabled"] = "false",
            ["Portal:Outbox:LeaseSeconds"] = "3600",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var client = await portal.LoginAsync(Demo.OperatoreEnte, PortalRoles.OperatoreEnte);
        using var rss = new RssSampler();

        var upload = Stopwatch.StartNew();
        JsonElement sent;
        await using (var file = File.OpenRead(path))
        {
            var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var response = await client.PostAsync("/api/v1/monitoraggio/flussi?nome=bench.txt", content);
            if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
            sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        upload.Stop();
        var id = sent.GetProperty("id").GetGuid();

        var processing = Stopwatch.StartNew();
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        string stato;
        do
        {
            await processor.RunOnceAsync();
            stato = await portal.InScopeAsync(async sp => (await sp.GetRequiredService<MonitoraggioDbContext>().Flussi.AsNoTracking().SingleAsync(f => f.Id == id)).Stato.ToString());
        }
        while (stato is "InCoda" or "InElaborazione");
        processing.Stop();
        var peak = rss.Stop();
        var applied = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.CountAsync());
        if (stato != "Applicato" || applied != lines) throw new InvalidOperationException($"Esito inatteso: {stato}, {applied} pratiche.");

        var copy = CopyWithPsql(database.ConnectionString, path);
        Console.WriteLine($"invio (HTTP, blocchi da 64 kB nel database): {upload.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"validazione e applicazione: {processing.Elapsed.TotalSeconds:0.0} s, {lines / processing.Elapsed.TotalSeconds:N0} righe/s");
        Console.WriteLine($"psql \\copy in una tabella semplice: {copy.TotalSeconds:0.0} s");
        Console.WriteLine($"rapporto elaborazione / \\copy: {processing.Elapsed.TotalSeconds / copy.TotalSeconds:0.0}x (invio compreso: {(upload.Elapsed + processing.Elapsed).TotalSeconds / copy.TotalSeconds:0.0}x)");
        Console.WriteLine($"picco RSS del processo: {peak / 1048576.0:0} MB");
        File.Delete(path);
    }

    private static TimeSpan CopyWithPsql(string connectionString, string path)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var conninfo = $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
        var columns = string.Join(", ", FeedFormat.Fields.Select(f => $"\"{f.Name.ToLowerInvariant()}\" text"));
        Psql(conninfo, $"CREATE TABLE bench_copy ({columns})");
        var watch = Stopwatch.StartNew();
        Psql(conninfo, $"\\copy bench_copy FROM '{path}' WITH (FORMAT csv, DELIMITER '|', HEADER true, QUOTE E'\\x01')");
        watch.Stop();
        return watch.Elapsed;
    }

    private static void Psql(string conninfo, string command)
    {
        var info = new ProcessStartInfo("psql", [conninfo, "-v", "ON_ERROR_STOP=1", "-q", "-c", command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"psql: {p.StandardError.ReadToEnd()}");
    }

    private static void Generate(string path, int lines)
    {
        var rif = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        string D(DateOnly d) => FeedValues.Date(d);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        w.WriteLine(FeedFormat.Header);
        string[] comuni = ["042002", "042018", "042021", "041044", "043023", "044007", "109006"];
        string[] misure = ["FONDO-PERDUTO", "GARANZIA", "LIQUIDITA", "AUTONOMI"];
        for (var i = 1; i <= lines; i++)
        {
            var c = comuni[i % comuni.Length];
            var m = misure[i % misure.Length];
            var dom = D(rif.AddDays(-(i % 200) - 60));
            var sb = (i % 4) switch
            {
                0 => $"{Ente}|{D(rif)}|PRATICA-{i:D8}|RSSMRA80A01H501U|Impresa individuale numero {i}|{c}|{m}|{dom}|{10000 + i % 5000},00|PRESENTATA|||||",
                1 => $"{Ente}|{D(rif)}|PRATICA-{i:D8}|01234560421|Società cooperativa numero {i} a r.l.|{c}|{m}|{dom}|{20000 + i % 7000},50|IN_ISTRUTTORIA|||||In attesa di documenti",
                2 => $"{Ente}|{D(rif)}|PRATICA-{i:D8}|02345670414|Officine meccaniche {i} S.n.c.|{c}|{m}|{dom}|{30000 + i % 9000},00|DELIBERATA|{D(rif.AddDays(-30))}|{25000 + i % 5000},00|||",
                _ => $"{Ente}|{D(rif)}|PRATICA-{i:D8}|BNCLRA75C55A271Q|Bianchi Laura commercio al dettaglio {i}|{c}|{m}|{dom}|{15000 + i % 3000},00|EROGATA|{D(rif.AddDays(-30))}|15000,00|{D(rif.AddDays(-5))}|15000,00|Erogazione in unica soluzione",
            };
            w.WriteLine(sb);
        }
    }

    /// <summary>Samples the resident set size of this process (the portal runs in it) every 20 ms.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _task;

        public RssSampler() => _task = Task.Run(async () =>
        {
            long max = 0;
            using var self = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                self.Refresh();
                max = Math.Max(max, self.WorkingSet64);
                try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
            }
            return max;
        });

        public long Stop()
        {
            _stop.Cancel();
            return _task.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Cancel();
    }
}
