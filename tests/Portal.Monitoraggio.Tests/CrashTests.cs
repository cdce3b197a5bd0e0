using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Outbox;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Services;
using static Portal.Monitoraggio.Tests.Feeds;

namespace Portal.Monitoraggio.Tests;

/// <summary>
/// "Killing the processing node half-way leaves nothing applied and the feed is processed again after restart":
/// a real portal process takes the feed and is killed while it applies it; another node takes it over.
/// </summary>
public class CrashTests
{
    [Fact]
    public async Task A_node_killed_while_applying_leaves_nothing_applied_and_the_feed_is_applied_after_restart()
    {
        var database = TestDatabase.Create();
        // The observer node never dispatches: it only reads, then takes over after the kill.
        using var observer = PortalFactory.Create(database, new Dictionary<string, string?>
        {
            ["Portal:Outbox:DispatcherEnabled"] = "false",
            ["Portal:Outbox:LeaseSeconds"] = "2",
        });
        const int lines = 20_000;
        var rif = observer.Yesterday();
        var client = await observer.OperatoreEnteAsync();
        // The demo recipe's feeds are there already: what counts is that this feed adds nothing until it is applied whole.
        var before = await observer.CountsAsync(Ente);
        var feed = Bytes(Enumerable.Range(1, lines).Select(i => Fields($"K-{i}", rif)));

        var node = await PortalProcess.StartAsync(database, new Dictionary<string, string?>
        {
            ["Portal:Outbox:PollMilliseconds"] = "100",
            ["Portal:Outbox:LeaseSeconds"] = "2",
            ["Portal:Monitoraggio:ProgressEvery"] = "1000",
        });
        bool applying;
        Guid id;
        await using (node)
        {
            // Sent once the node is up: a node still starting could apply the whole feed before the watch begins.
            id = (await client.SendAsync(feed, "grande.txt")).Id();
            // On PostgreSQL the node reports the lines it has applied so far; SQLite only shows that it started.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                var f = await FlussoAsync(observer, id);
                var started = f.Stato == Model.StatoFlusso.InElaborazione && (database.Provider == Core.Data.DatabaseProvider.Sqlite || f.Righe >= 2000);
                if (started) break;
                Assert.True(f.Stato is Model.StatoFlusso.InCoda or Model.StatoFlusso.InElaborazione, $"il nodo ha concluso prima dell'arresto: {f.Stato}\n{node.Output}");
                Assert.True(DateTime.UtcNow < deadline, "il nodo non ha preso il flusso:\n" + node.Output);
                await Task.Delay(20);
            }
            if (database.Provider == Core.Data.DatabaseProvider.Sqlite) await Task.Delay(300);
            applying = (await FlussoAsync(observer, id)).Stato == Model.StatoFlusso.InElaborazione;
        } // killed here
        Assert.True(applying, "il flusso era già concluso al momento dell'arresto: il test non prova nulla");
        Assert.Equal(Model.StatoFlusso.InElaborazione, (await FlussoAsync(observer, id)).Stato);
        Assert.Equal(before, await observer.CountsAsync(Ente));

        // After the lease has expired another node takes the feed and processes it from the start.
        await Task.Delay(2500);
        // The observer's clock is a test clock: it is brought to the real time the node used for its lease.
        observer.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddSeconds(1));
        var processor = observer.Services.GetRequiredService<OutboxProcessor>();
        var until = DateTime.UtcNow.AddSeconds(120);
        while ((await FlussoAsync(observer, id)).Stato != Model.StatoFlusso.Applicato)
        {
            if (DateTime.UtcNow > until)
            {
                var errors = await observer.InScopeAsync(async sp => await sp.GetRequiredService<Core.Data.CoreDbContext>().Outbox.AsNoTracking()
                    .Select(e => $"{e.Kind} {e.State} {e.Attempts} {e.DueUtc:O} {e.LockedUntilUtc:O} {e.LastError}").ToListAsync());
                Assert.Fail("il flusso non è stato ripreso dopo il riavvio:\n" + string.Join("\n", errors));
            }
            await processor.RunOnceAsync();
            await Task.Delay(100);
        }
        Assert.Equal((before.Pratiche + lines, before.Storico), await observer.CountsAsync(Ente)); // new practices write no history row
        Assert.Equal(lines, (await FlussoAsync(observer, id)).Righe);
    }

    private static Task<Model.Flusso> FlussoAsync(PortalFactory portal, Guid id) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.AsNoTracking().SingleAsync(f => f.Id == id));
}
