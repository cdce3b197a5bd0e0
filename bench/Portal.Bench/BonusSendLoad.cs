using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bonus.Data;
using Portal.Bonus.Model;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Testing;
using Portal.Workflows.Data;

namespace Portal.Bench;

/// <summary>
/// The Bonus click day: N distinct citizens, each logged in through the test login (POST /api/v1/prova/accesso, which
/// creates them with a saved Anagrafica), go through create → seven sections → ISEE upload → send on the API; the sends are fired all together with
/// T concurrent tasks (after a warm-up of a tenth of them, not counted). Reports sends/s, p50/p99 latency and errors, then waits for the outbox and checks that every
/// application was sent exactly once (one "invia" in its history, one protocol number, numbers gapless).
/// </summary>
public static class BonusSendLoad
{
    /// <param name="dispatcher">False ("solo-invii"): the outbox is drained after the sends, so the CPU figures are the sends' alone.</param>
    public static async Task RunAsync(int citizens, int tasks, bool dispatcher = true)
    {
        using var portal = new BonusBenchPortal(dispatcher);
        _ = portal.Services;
        var bandoId = await portal.InScopeAsync(sp => sp.GetRequiredService<BonusDbContext>().Bandi.Where(b => b.Codice == "BONUS_DDI_2021").Select(b => b.Id).SingleAsync());
        Console.WriteLine($"bonus [{portal.Database.Provider}]: preparo {citizens} cittadini…");
        var people = CodiciFiscali(citizens);
        var prep = Stopwatch.StartNew();
        var drafts = new (HttpClient Client, Guid Id)[citizens];
        var prepErrors = 0;
        await ForAllAsync(citizens, tasks, async i =>
        {
            try
            {
                // The test login: the person is created with a saved Anagrafica and gets the session a SAML login gives.
                var client = portal.Anonymous();
                using var login = await client.PostAsJsonAsync("/api/v1/prova/accesso",
                    new { codiceFiscale = people[i], nome = "Genitore", cognome = $"Bench{i}", comuneResidenzaIstat = "042002" });
                if (login.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"accesso di prova: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
                drafts[i] = (client, await DraftAsync(client, bandoId, i));
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref prepErrors);
                if (prepErrors <= 3) Console.WriteLine($"  preparazione {i}: {e.Message}");
            }
        });
        prep.Stop();
        Console.WriteLine($"  accesso + bozza + 7 sezioni + ISEE: {prep.Elapsed.TotalSeconds:0.0} s ({citizens * 10 / prep.Elapsed.TotalSeconds:0} richieste/s), errori {prepErrors}");

        var others = 1; // the demo's sent application
        // One send alone first, with the SQL it issues (the round trips of the hot path); it is not counted below.
        if (drafts.Length > 0 && drafts[^1].Client is { } probeClient)
        {
            portal.Probe.Start();
            var t0 = Stopwatch.GetTimestamp();
            using (var probe = await probeClient.PostAsync($"/api/v1/bonus/domande/{drafts[^1].Id}/invio", null))
            {
                var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var commands = portal.Probe.Stop();
                Console.WriteLine($"  un invio da solo: {(int)probe.StatusCode} in {elapsed:0.0} ms, {commands.Count} comandi SQL:");
                foreach (var c in commands) Console.WriteLine($"    {c}");
            }
            drafts[^1] = default;
            citizens--;
            others++;
        }

        // Warm-up: a tenth of the applications goes first and is not counted, so the figures below are a click day's steady
        // state (the JIT's optimized code, prepared statements, filled pools) rather than a fresh process's first seconds.
        var warm = citizens >= 20 ? citizens / 10 : 0;
        var warmErrors = 0;
        var warmWatch = Stopwatch.StartNew();
        await ForAllAsync(warm, tasks, async i =>
        {
            if (drafts[i].Client is null) return;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bonus/domande/{drafts[i].Id}/invio");
            request.Headers.Add("Idempotency-Key", $"bench-{i}");
            using var response = await drafts[i].Client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref warmErrors);
        });
        Console.WriteLine($"  riscaldamento: {warm} invii non contati in {warmWatch.Elapsed.TotalSeconds:0.00} s, errori {warmErrors}");
        var measured = citizens - warm;

        var latencies = new double[measured];
        var errors = warmErrors;
        var database = DatabaseName(portal.Database.ConnectionString);
        var cpu = CpuNow(database);
        var watch = Stopwatch.StartNew();
        await ForAllAsync(measured, tasks, async j =>
        {
            var i = warm + j;
            if (drafts[i].Client is null) { Interlocked.Increment(ref errors); return; }
            var t = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bonus/domande/{drafts[i].Id}/invio");
            request.Headers.Add("Idempotency-Key", $"bench-{i}");
            using var response = await drafts[i].Client.SendAsync(request);
            latencies[j] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (Interlocked.Increment(ref errors) <= 3) Console.WriteLine($"  invio {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        });
        watch.Stop();
        var after = CpuNow(database);
        var (portalCpu, postgresCpu) = (after.Portal - cpu.Portal, after.Postgres - cpu.Postgres);
        Array.Sort(latencies);
        Console.WriteLine($"  invii: {measured} in {watch.Elapsed.TotalSeconds:0.00} s = {measured / watch.Elapsed.TotalSeconds:0} invii/s con {tasks} task; " +
                          $"p50 {latencies[measured / 2]:0} ms, p99 {latencies[Math.Min(measured - 1, measured * 99 / 100)]:0} ms, max {latencies[^1]:0} ms; errori {errors}");
        // CPU per send: this process (portal, client, outbox dispatcher when on) and the PostgreSQL backends connected to the
        // run's database (open through the run: the pool keeps them); 2 cores give at most 2000 ms of CPU per second.
        Console.WriteLine($"  CPU durante gli invii: portale {portalCpu.TotalMilliseconds / measured:0.0} ms/invio, PostgreSQL {postgresCpu.TotalMilliseconds / measured:0.0} ms/invio " +
                          $"({(portalCpu + postgresCpu).TotalMilliseconds / watch.Elapsed.TotalMilliseconds * 100:0}% di un core in media; macchina {Environment.ProcessorCount} core)");

        // After the sends: the outbox numbers the applications (protocol), then issues receipts and notifications. With
        // "solo-invii" this process drains it now (one processor, as one node's dispatcher); the protocol figure is taken
        // while it drains, the CPU over the whole drain.
        var wait = Stopwatch.StartNew();
        var drainCpu = CpuNow(database);
        var drain = Task.CompletedTask;
        if (!dispatcher)
        {
            var processor = portal.Services.GetRequiredService<Portal.Core.Outbox.OutboxProcessor>();
            drain = Task.Run(async () => { while (await processor.RunOnceAsync() > 0) { } });
        }
        var ids = drafts.Where(d => d.Client is not null).Select(d => d.Id.ToString()).ToHashSet();
        int numbered;
        do
        {
            await Task.Delay(200);
            numbered = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Protocol.Data.ProtocolDbContext>().Entries.CountAsync(p => p.SubjectType == Domanda.SubjectType));
        } while (numbered < ids.Count + others && wait.Elapsed < TimeSpan.FromMinutes(5));
        var protocolSeconds = wait.Elapsed.TotalSeconds;
        Console.WriteLine($"  protocollo assegnato a tutte le domande in {protocolSeconds:0.0} s dopo l'ultimo invio ({ids.Count / protocolSeconds:0} domande/s)");
        int receipts;
        do
        {
            await Task.Delay(200);
            receipts = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Protocol.Data.ProtocolDbContext>().Receipts.CountAsync(r => r.SubjectType == Domanda.SubjectType));
        } while (receipts < ids.Count + others && wait.Elapsed < TimeSpan.FromMinutes(10));
        var receiptSeconds = wait.Elapsed.TotalSeconds;
        await drain;
        var drained = CpuNow(database);
        Console.WriteLine($"  ricevute emesse per tutte in {receiptSeconds:0.0} s ({ids.Count / receiptSeconds:0} domande/s); coda svuotata in {wait.Elapsed.TotalSeconds:0.0} s; " +
                          $"CPU portale {(drained.Portal - drainCpu.Portal).TotalMilliseconds / ids.Count:0.0} ms/domanda, PostgreSQL {(drained.Postgres - drainCpu.Postgres).TotalMilliseconds / ids.Count:0.0} ms/domanda");
        await VerifyAsync(portal, ids);
    }

    private static string DatabaseName(string connectionString) =>
        connectionString.Split(';').Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2 && kv[0].Trim().Equals("Database", StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv[1].Trim()).FirstOrDefault() ?? "";

    /// <summary>CPU time used so far by this process and by the postgres backends of <paramref name="database"/> (from /proc; zero where unavailable).</summary>
    private static (TimeSpan Portal, TimeSpan Postgres) CpuNow(string database)
    {
        var portal = Process.GetCurrentProcess().TotalProcessorTime;
        long ticks = 0;
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var close = stat.LastIndexOf(')');
                    if (close < 0 || !stat[(stat.IndexOf('(') + 1)..close].StartsWith("postgres", StringComparison.Ordinal)) continue;
                    // A backend's title: "postgres: <user> <database> <client> <state>".
                    if (database.Length == 0 || !File.ReadAllText(Path.Combine(dir, "cmdline")).Contains($" {database} ", StringComparison.Ordinal)) continue;
                    var fields = stat[(close + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
        catch (DirectoryNotFoundException) { }
        return (portal, TimeSpan.FromMilliseconds(ticks * 10.0)); // USER_HZ = 100
    }

    private static async Task VerifyAsync(PortalFactory portal, HashSet<string> ids)
    {
        var numbers = (await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Protocol.Data.ProtocolDbContext>().Entries.AsNoTracking()
            .Where(p => p.SubjectType == Domanda.SubjectType).Select(p => new { p.SubjectId, p.Number }).ToListAsync()))
            .Where(p => ids.Contains(p.SubjectId)).ToList();
        var sent = await portal.InScopeAsync(sp => sp.GetRequiredService<BonusDbContext>().Domande.CountAsync(d => d.Stato == StatoDomanda.Inviata && d.IdempotencyKey!.StartsWith("bench-")));
        var sendings = (await portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().History.AsNoTracking()
            .Where(h => h.Transition == "invia").Join(sp.GetRequiredService<WorkflowsDbContext>().Instances, h => h.InstanceId, i => i.Id, (h, i) => i.SubjectId).ToListAsync()))
            .Where(ids.Contains).GroupBy(x => x).ToList();
        var ordered = numbers.Select(n => n.Number).Order().ToList();
        var gapless = ordered.Count > 0 && ordered[^1] - ordered[0] + 1 == ordered.Count;
        var lost = ids.Count - sendings.Count;
        var doubled = sendings.Count(g => g.Count() > 1) + numbers.GroupBy(n => n.SubjectId).Count(g => g.Count() > 1);
        Console.WriteLine($"  verifica: {sent} domande inviate, {numbers.Count} protocolli, numeri {(gapless ? "senza buchi" : "CON BUCHI")}, perse {lost}, doppie {doubled}");
    }

    private static async Task<Guid> DraftAsync(HttpClient c, Guid bandoId, int i)
    {
        var created = await c.PostAsJsonAsync("/api/v1/bonus/domande", new { bandoId });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var child = TestCodiciFiscali.Make("BNC", "FGL", new DateOnly(2005, 1, 1).AddDays(i), place: "A271");
        var today = DateOnly.FromDateTime(RomeTime.ToRome(DateTime.UtcNow)).ToString("yyyy-MM-dd");
        object[] bodies =
        [
            new { ruolo = "Genitore", conviveConFigli = true },
            new { componenti = new[] { new { codiceFiscale = child, nome = "Figlio", cognome = "Bench", relazione = "Figlio" } } },
            new { figli = new[] { new { codiceFiscale = child, nome = "Figlio", cognome = "Bench", livello = "SecondoCiclo", istituto = "IIS Vanvitelli, Ancona" } } },
            new { valore = "9.876,54", tipo = "corrente", protocolloDsu = "INPS-ISEE-2026-00123456A-00", dataRilascio = today },
            new { condizione = "occupato" },
            new { dispositivo = "portatile" },
            new { accettate = new[] { "veridicita", "nessunAltroContributo", "accettazioneAvviso", "privacy" } },
        ];
        string[] sections = ["richiedente", "nucleo", "figli", "isee", "occupazione", "dispositivo", "dichiarazioni"];
        for (var s = 0; s < sections.Length; s++)
            (await c.PutAsJsonAsync($"/api/v1/bonus/domande/{id}/sezioni/{sections[s]}", bodies[s])).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestFiles.Pdf($"ISEE {i}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "isee.pdf");
        (await c.PostAsync($"/api/v1/bonus/domande/{id}/allegati/isee", form)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>N distinct valid codici fiscali, the same on every run.</summary>
    private static List<string> CodiciFiscali(int n)
    {
        const string letters = "BCDFGHLMNPRSTVZ";
        return Enumerable.Range(0, n).Select(i => TestCodiciFiscali.Make($"B{letters[i % 15]}{letters[i / 15 % 15]}",
            $"C{letters[i / 225 % 15]}{letters[i / 3375 % 15]}", new DateOnly(1960, 1, 1).AddDays(i % 9000), place: "A271")).ToList();
    }

    private static Task ForAllAsync(int n, int tasks, Func<int, Task> work)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < n) await work(i);
        })));
    }
}
