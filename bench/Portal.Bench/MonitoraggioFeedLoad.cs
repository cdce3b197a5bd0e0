using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;
using Portal.Testing;

namespace Portal.Bench;

/// <summary>
/// monitoraggio.md / issue 13: a 1,000,000-line valid feed (about 170 MB) sent to a real portal process on PostgreSQL
/// (src/Portal.Web, as in production: Kestrel, the outbox dispatcher, FlussoProcessor), validated and applied; wall
/// time of the processing, lines per second and peak RSS of the portal process (VmHWM of /proc/&lt;pid&gt;/status, the
/// kernel's own high-water mark), against loading the same file with psql's \copy into a plain table on the same
/// database in the same run. The file is generated on disk by this process before the portal starts; this process
/// only sets up the database, sends the file (streamed, with an API credential of the ente) and polls the feed.
/// Needs PORTAL_TEST_POSTGRES (as the tests), psql on the PATH and the built portal (dotnet build src/Portal.Web -c Release).
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
        // This in-process host only migrates the database, issues the credential and reads the outcome: it never dispatches.
        using var setup = PortalFactory.Create(database, new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false" });
        var admin = await setup.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var issued = await admin.PostAsJsonAsync("/api/v1/monitoraggio/credenziali", new { ente = Ente, etichetta = "Banco di prova" });
        if (issued.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await issued.Content.ReadAsStringAsync());
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var before = await setup.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.CountAsync(p => p.EnteCode == Ente));

        await using var node = await PortalProcess.StartAsync(database, new Dictionary<string, string?>
        {
            ["Portal:Outbox:PollMilliseconds"] = "200",
            ["Portal:Outbox:LeaseSeconds"] = "3600",
            ["Logging:LogLevel:Portal.Monitoraggio.Services.FlussoProcessor"] = "Information",
        });
        var pid = PidListeningOn(node.BaseAddress.Port);
        var startRss = Status(pid, "VmRSS");
        Console.WriteLine($"processo del portale: pid {pid}");
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // A node that has run for a while has its hot code compiled at tier 1: a first small feed (PORTAL_BENCH_WARMUP lines,
        // default 20,000, other IDs, the day before; 0 = measure a cold node) pays the JIT's tiering, as any first feed of a node does.
        var warmup = int.TryParse(Environment.GetEnvironmentVariable("PORTAL_BENCH_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 20_000;
        if (warmup > 0)
        {
            var warmPath = Path.Combine(Path.GetTempPath(), $"flusso-bench-warmup-{warmup}.txt");
            Generate(warmPath, warmup, "PROVA", 2);
            var cpu0 = CpuSeconds(pid);
            var tiering0 = ThreadCpu(pid).GetValueOrDefault(".NET Tiered Com");
            var warm = Stopwatch.StartNew();
            var warmId = await SendAsync(http, warmPath);
            var warmStato = await WaitAsync(http, warmId);
            if (warmStato.GetProperty("stato").GetString() != "Applicato") throw new InvalidOperationException($"Flusso di riscaldamento: {warmStato}\n{node.Output}");
            File.Delete(warmPath);
            Console.WriteLine($"riscaldamento: flusso di {warmup:N0} righe inviato e applicato in {warm.Elapsed.TotalSeconds:0.0} s, CPU del portale {CpuSeconds(pid) - cpu0:0.0} s " +
                $"(compilazione a livelli del JIT {ThreadCpu(pid).GetValueOrDefault(".NET Tiered Com") - tiering0:0.0} s); RSS dopo {Mb(Status(pid, "VmRSS"))} MB");
            await Task.Delay(2000); // the JIT's background tiering of what the warm-up ran
        }

        // PORTAL_BENCH_TRACE=<file>: dotnet-trace (PORTAL_BENCH_DOTNET_TRACE, else on the PATH) samples the portal's stacks from the upload to the outcome.
        using var trace = StartTrace(pid);
        using var uploadRss = new RssSampler(pid);
        var rssBeforeUpload = Status(pid, "VmRSS");
        var upload = Stopwatch.StartNew();
        var id = await SendAsync(http, path);
        upload.Stop();
        var uploadPeak = uploadRss.Stop();

        var threadsBefore = ThreadCpu(pid);
        var cpuBefore = CpuSeconds(pid);
        using var processingRss = new RssSampler(pid);
        var wall = Stopwatch.StartNew();
        var flusso = await WaitAsync(http, id);
        wall.Stop();
        var processingPeak = processingRss.Stop();
        var hwm = Status(pid, "VmHWM");
        var cpu = CpuSeconds(pid) - cpuBefore;
        var threadsAfter = ThreadCpu(pid);
        var stato = flusso.GetProperty("stato").GetString();
        StopTrace(trace);

        var (started, completed, applied) = await setup.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoraggioDbContext>();
            var f = await db.Flussi.AsNoTracking().SingleAsync(f => f.Id == id);
            return (f.StartedUtc, f.CompletedUtc, await db.Pratiche.CountAsync(p => p.EnteCode == Ente && p.FlussoId == id));
        });
        if (stato != "Applicato" || applied != lines)
            throw new InvalidOperationException($"Esito inatteso: {stato}, {applied} pratiche (prima {before}).\n{flusso}\n{node.Output}");
        var processing = completed!.Value - started!.Value;

        var copy = CopyWithPsql(database.ConnectionString, path);
        Console.WriteLine($"invio (HTTP al processo del portale, salvato a blocchi nel database): {upload.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"validazione e applicazione (dall'inizio alla fine dell'elaborazione registrati dal portale): {processing.TotalSeconds:0.0} s, {lines / processing.TotalSeconds:N0} righe/s");
        Console.WriteLine($"  dalla risposta all'invio all'esito letto dall'API (attesa del dispatcher compresa): {wall.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  CPU del processo del portale in quel tempo: {cpu:0.0} s");
        var perThread = threadsAfter.Select(t => (t.Key, Cpu: t.Value - threadsBefore.GetValueOrDefault(t.Key))).Where(t => t.Cpu >= 0.05).OrderByDescending(t => t.Cpu);
        Console.WriteLine($"    per thread (nome del thread: CPU s): {string.Join(", ", perThread.Select(t => $"{t.Key}: {t.Cpu:0.0}"))}");
        Console.WriteLine($"psql \\copy in una tabella semplice: {copy.TotalSeconds:0.0} s");
        Console.WriteLine($"rapporto elaborazione / \\copy: {processing.TotalSeconds / copy.TotalSeconds:0.00}x (invio compreso: {(upload.Elapsed + processing).TotalSeconds / copy.TotalSeconds:0.00}x)");
        Console.WriteLine($"RSS del processo del portale: {Mb(startRss)} MB dopo l'avvio, {Mb(rssBeforeUpload)} MB prima dell'invio, picco {Mb(uploadPeak)} MB durante l'invio, {Mb(processingPeak)} MB durante l'elaborazione; picco complessivo (VmHWM) {Mb(hwm)} MB");
        // The portal logs, per applied feed, what it allocated and its GC heap (FlussoProcessor).
        foreach (var line in node.Output.Split('\n').Where(l => l.Contains("memoria: allocati", StringComparison.Ordinal)))
            Console.WriteLine($"  portale: {line.Trim()}");
        File.Delete(path);

        await ReportTimesAsync(setup, database.ConnectionString, "indici attuali");
        if (Environment.GetEnvironmentVariable("PORTAL_BENCH_INDEX_TRIAL") is { Length: > 0 } trial)
        {
            // A schema to try on the same 1M rows, e.g. "DROP INDEX ...; CREATE INDEX ... USING brin (...)".
            var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var conninfo = $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
            Psql(conninfo, trial);
            Psql(conninfo, "ANALYZE monitoraggio_pratica; ANALYZE monitoraggio_pratica_storico");
            await ReportTimesAsync(setup, database.ConnectionString, $"dopo «{trial}»");
        }
    }

    /// <summary>
    /// The Funzionario's report queries (MonitoraggioReports, as the pages and the API run them) on the 1M practices just applied:
    /// milliseconds of the second run of each (the first warms the cache), and the plan of the SQL each one sends.
    /// </summary>
    private static async Task ReportTimesAsync(PortalFactory setup, string connectionString, string label)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var filters = new (string Name, Portal.Monitoraggio.Services.ReportFilter Filter)[]
        {
            ("tutto", new()), ("provincia AN", new(Provincia: "AN")), ("misura GARANZIA", new(Misura: "GARANZIA")),
            ("ente + misura + provincia", new(Ente: Ente, Misura: "GARANZIA", Provincia: "AN")), ("ultimi 7 giorni", new(Dal: today.AddDays(-7))),
        };
        var times = new List<string>();
        await setup.InScopeAsync(async sp =>
        {
            var reports = sp.GetRequiredService<Portal.Monitoraggio.Services.MonitoraggioReports>();
            async Task Time(string what, Func<Task> query)
            {
                await query();
                var w = Stopwatch.StartNew();
                await query();
                times.Add($"{what} {w.Elapsed.TotalMilliseconds:0} ms");
            }
            foreach (var (name, f) in filters)
            {
                foreach (var dim in Portal.Monitoraggio.Services.MonitoraggioReports.Dimensions)
                    await Time($"totali per {dim} [{name}]", () => reports.TotalsAsync(dim, f, default));
                await Time($"andamento [{name}]", () => reports.ProgressAsync(f, default));
                await Time($"giorni medi [{name}]", () => reports.AverageDaysAsync(f, default));
            }
            return 0;
        });
        Console.WriteLine($"report su {label}: {string.Join("; ", times)}");

        // The plans: which scan each filter gets (the same WHERE clauses as MonitoraggioReports).
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var conninfo = $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
        string[] queries =
        [
            "SELECT \"Misura\", count(*), sum(\"ImportoRichiesto\") FROM monitoraggio_pratica WHERE \"SiglaProvincia\" = 'AN' GROUP BY \"Misura\"",
            "SELECT \"Stato\", count(*), sum(\"ImportoRichiesto\") FROM monitoraggio_pratica WHERE \"Misura\" = 'GARANZIA' GROUP BY \"Stato\"",
            $"SELECT \"DataRiferimento\", count(*), sum(\"ImportoRichiesto\") FROM monitoraggio_pratica_storico WHERE \"DataRiferimento\" >= '{today.AddDays(-7):yyyy-MM-dd}' GROUP BY \"DataRiferimento\"",
            $"SELECT \"DataRiferimento\", count(*), sum(\"ImportoRichiesto\") FROM monitoraggio_pratica_storico WHERE \"DataRiferimento\" < '{today.AddDays(-30):yyyy-MM-dd}' GROUP BY \"DataRiferimento\"",
        ];
        foreach (var q in queries)
        {
            var plan = PsqlOutput(conninfo, "EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF) " + q);
            var nodes = plan.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("Scan", StringComparison.Ordinal) || l.StartsWith("Execution Time", StringComparison.Ordinal))
                .Select(l => l.StartsWith("->", StringComparison.Ordinal) ? l[3..] : l).Select(l => l.Contains("  (", StringComparison.Ordinal) ? l[..l.IndexOf("  (", StringComparison.Ordinal)] : l);
            Console.WriteLine($"  EXPLAIN ANALYZE {q[..Math.Min(q.Length, 60)]}…: {string.Join(" | ", nodes)}");
        }
    }

    private static string PsqlOutput(string conninfo, string command)
    {
        var info = new ProcessStartInfo("psql", [conninfo, "-v", "ON_ERROR_STOP=1", "-q", "-At", "-c", command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"psql: {p.StandardError.ReadToEnd()}");
        return output;
    }

    /// <summary>CPU seconds of each thread of the process so far, summed by thread name (/proc/&lt;pid&gt;/task/*/stat and comm).</summary>
    private static Dictionary<string, double> ThreadCpu(int pid)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                result[name] = result.GetValueOrDefault(name) + cpu;
            }
            catch (IOException) { }
        }
        return result;
    }

    private static async Task<Guid> SendAsync(HttpClient http, string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        var response = await http.PostAsync($"/api/v1/monitoraggio/flussi?nome={Path.GetFileName(path)}", content);
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> WaitAsync(HttpClient http, Guid id)
    {
        while (true)
        {
            var flusso = await http.GetFromJsonAsync<JsonElement>($"/api/v1/monitoraggio/flussi/{id}");
            if (flusso.GetProperty("stato").GetString() is not ("InCoda" or "InElaborazione")) return flusso;
            await Task.Delay(100);
        }
    }

    private static Process? StartTrace(int pid)
    {
        var output = Environment.GetEnvironmentVariable("PORTAL_BENCH_TRACE");
        if (string.IsNullOrEmpty(output)) return null;
        var tool = Environment.GetEnvironmentVariable("PORTAL_BENCH_DOTNET_TRACE") ?? "dotnet-trace";
        var info = new ProcessStartInfo(tool, ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            "--format", "Speedscope", "-o", output]) { RedirectStandardOutput = true };
        var p = Process.Start(info)!;
        // The session is open once the tool says so; the stacks of the upload are in the trace too.
        while (p.StandardOutput.ReadLine() is { } line && !line.Contains("Process", StringComparison.Ordinal)) { }
        Thread.Sleep(1000);
        return p;
    }

    private static void StopTrace(Process? trace)
    {
        if (trace is null) return;
        // dotnet-trace reads no Enter from a redirected input: Ctrl+C ends the session (and writes the files).
        using (var kill = Process.Start("kill", ["-INT", trace.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
        trace.StandardOutput.ReadToEnd();
        trace.WaitForExit();
        Console.WriteLine($"traccia: {Environment.GetEnvironmentVariable("PORTAL_BENCH_TRACE")}");
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The portal process started by <see cref="PortalProcess"/>: the one whose command line has its --urls.</summary>
    private static int PidListeningOn(int port)
    {
        var url = $"--urls\0http://127.0.0.1:{port}";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(url, StringComparison.Ordinal)) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        throw new InvalidOperationException($"Processo del portale sulla porta {port} non trovato.");
    }

    /// <summary>User and system CPU time of a process so far (/proc/&lt;pid&gt;/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>A memory figure of /proc/&lt;pid&gt;/status (kB there), in bytes.</summary>
    private static long Status(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"{key} non trovato per il processo {pid}.");
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

    private static void Generate(string path, int lines, string prefix = "PRATICA", int daysAgo = 1)
    {
        var rif = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo);
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
                0 => $"{Ente}|{D(rif)}|{prefix}-{i:D8}|RSSMRA80A01H501U|Impresa individuale numero {i}|{c}|{m}|{dom}|{10000 + i % 5000},00|PRESENTATA|||||",
                1 => $"{Ente}|{D(rif)}|{prefix}-{i:D8}|01234560421|Società cooperativa numero {i} a r.l.|{c}|{m}|{dom}|{20000 + i % 7000},50|IN_ISTRUTTORIA|||||In attesa di documenti",
                2 => $"{Ente}|{D(rif)}|{prefix}-{i:D8}|02345670414|Officine meccaniche {i} S.n.c.|{c}|{m}|{dom}|{30000 + i % 9000},00|DELIBERATA|{D(rif.AddDays(-30))}|{25000 + i % 5000},00|||",
                _ => $"{Ente}|{D(rif)}|{prefix}-{i:D8}|BNCLRA75C55A271Q|Bianchi Laura commercio al dettaglio {i}|{c}|{m}|{dom}|{15000 + i % 3000},00|EROGATA|{D(rif.AddDays(-30))}|15000,00|{D(rif.AddDays(-5))}|15000,00|Erogazione in unica soluzione",
            };
            w.WriteLine(sb);
        }
    }

    /// <summary>Samples the resident set size of the portal process every 20 ms (VmHWM gives the exact peak of its whole life).</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _task;

        public RssSampler(int pid) => _task = Task.Run(async () =>
        {
            long max = 0;
            while (!_stop.IsCancellationRequested)
            {
                max = Math.Max(max, Status(pid, "VmRSS"));
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
