using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Protocol.Data;
using Portal.Core.Outbox;
using Portal.Core.Protocol;
using Portal.Testing;

namespace Portal.Protocol.Tests;

public class ProtocolRegisterTests
{
    /// <summary>A portal without the demo recipe: its register is empty (the demo's sent applications take numbers).</summary>
    private static PortalFactory FreshRegister() =>
        PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Setup:RunDemo"] = "false" });

    private static async Task<ProtocolEntry> RegisterAsync(PortalFactory portal, string subject)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IProtocolRegister>().RegisterAsync("Test", subject, "prova");
    }

    [Fact]
    public async Task Numbers_are_consecutive_formatted_with_aoo_and_year_and_idempotent_per_subject()
    {
        using var portal = FreshRegister();
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        var a = await RegisterAsync(portal, "a");
        var b = await RegisterAsync(portal, "b");
        var again = await RegisterAsync(portal, "a");
        Assert.Equal(("ARM-2026-0000001", "ARM-2026-0000002"), (a.Segnatura, b.Segnatura));
        Assert.Equal(a.Number, again.Number);
        Assert.Equal(new DateTime(2026, 5, 10, 8, 0, 0, DateTimeKind.Utc), a.RegisteredUtc);
    }

    [Fact]
    public async Task A_rolled_back_registration_gives_its_number_back()
    {
        using var portal = FreshRegister();
        var first = await RegisteredInRolledBackTransactionAsync(portal);
        var next = await RegisterAsync(portal, "dopo");
        Assert.Equal(first, next.Number);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.AnyAsync(p => p.SubjectId == "annullato"));
    }

    private static async Task<long> RegisteredInRolledBackTransactionAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        long number;
        await using (await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync())
        {
            number = (await scope.ServiceProvider.GetRequiredService<IProtocolRegister>().RegisterAsync("Test", "annullato", null)).Number;
            // Disposed without CompleteAsync: the unit of work, and the number with it, is rolled back.
        }
        return number;
    }

    [Fact]
    public async Task The_register_starts_again_at_one_when_the_year_changes_in_italy()
    {
        using var portal = FreshRegister();
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 22, 59, 59, TimeSpan.Zero)); // 23:59:59 in Rome
        var last = await RegisterAsync(portal, "fine-anno");
        portal.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));   // 00:00:00 in Rome
        var first = await RegisterAsync(portal, "inizio-anno");
        Assert.Equal("ARM-2026-0000001", last.Segnatura);
        Assert.Equal("ARM-2027-0000001", first.Segnatura);
    }

    [Fact]
    public async Task Concurrent_registrations_get_every_number_once_with_no_gap_in_commit_order()
    {
        using var portal = FreshRegister();
        var postgres = portal.Database.Provider == DatabaseProvider.Postgres;
        var (total, tasks) = postgres ? (2000, 32) : (300, 8);
        _ = portal.Services; // start the host once, before the workers (the factory starts lazily and not thread-safely)
        var next = -1;
        var workers = Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
                await RegisterAsync(portal, $"s{i}");
        }));
        await Task.WhenAll(workers);

        await using var scope = portal.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.AsNoTracking()
            .Where(p => p.SubjectType == "Test").OrderBy(p => p.Number).ToListAsync();
        Assert.Equal(total, entries.Count);
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), entries.Select(e => e.Number));
        Assert.Equal(total, entries.Select(e => e.SubjectId).Distinct().Count());
        // Numbers follow the order in which registrations were confirmed.
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.RegisteredUtc <= p.Second.RegisteredUtc));
    }

    [Fact]
    public async Task Submissions_confirmed_concurrently_are_numbered_from_the_outbox_in_confirmation_order()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false", ["Portal:Setup:RunDemo"] = "false" });
        var postgres = portal.Database.Provider == DatabaseProvider.Postgres;
        var (total, tasks) = postgres ? (2000, 32) : (300, 8);
        _ = portal.Services;
        var next = -1;
        var confirmed = 0;
        // The requests are queued concurrently; the test lets one confirmation (its count and its commit) through at a
        // time, so the count is the order in which the confirmations committed.
        using var confirming = new SemaphoreSlim(1);
        var workers = Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < total)
            {
                await using var scope = portal.Services.CreateAsyncScope();
                await using var work = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
                var subject = Guid.NewGuid().ToString("N");
                await scope.ServiceProvider.GetRequiredService<IProtocolQueue>().EnqueueAsync("Invio", subject, "domanda");
                await confirming.WaitAsync();
                try
                {
                    var order = Interlocked.Increment(ref confirmed);
                    var audit = scope.ServiceProvider.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>();
                    audit.Audit.Add(new Portal.AuditTrail.Model.AuditEntry { Utc = DateTime.UtcNow, Action = "Conferma", Subject = subject, Details = order.ToString(System.Globalization.CultureInfo.InvariantCulture), ActorName = "test" });
                    await audit.SaveChangesAsync();
                    await work.CompleteAsync();
                }
                finally
                {
                    confirming.Release();
                }
            }
        }));
        await Task.WhenAll(workers);

        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.RunOnceAsync() > 0) { }

        await using var check = portal.Services.CreateAsyncScope();
        var entries = await check.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.AsNoTracking().Where(p => p.SubjectType == "Invio").ToListAsync();
        var confirmations = await check.ServiceProvider.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking().Where(a => a.Action == "Conferma")
            .ToDictionaryAsync(a => a.Subject!, a => long.Parse(a.Details!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(total, entries.Count);
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), entries.Select(e => e.Number).Order());
        Assert.All(entries, e => Assert.Equal(confirmations[e.SubjectId], e.Number));
    }

    [Fact]
    public async Task A_submission_queued_first_but_confirmed_second_gets_the_second_number()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false", ["Portal:Setup:RunDemo"] = "false" });
        var postgres = portal.Database.Provider == DatabaseProvider.Postgres;
        _ = portal.Services;
        await using (var first = portal.Services.CreateAsyncScope())
        {
            await using var work = await first.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
            await first.ServiceProvider.GetRequiredService<IProtocolQueue>().EnqueueAsync("Invio", "in-coda-per-prima", "domanda");
            // A second submission is queued and confirmed while the first is still open. On PostgreSQL it must not wait for
            // the first (the queue's lock is taken at commit); on SQLite it waits for the first's write lock.
            var second = Task.Run(async () =>
            {
                await using var scope = portal.Services.CreateAsyncScope();
                await using var w = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
                await scope.ServiceProvider.GetRequiredService<IProtocolQueue>().EnqueueAsync("Invio", "in-coda-per-seconda", "domanda");
                await w.CompleteAsync();
            });
            var done = await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(postgres ? 10 : 1)));
            Assert.Equal(postgres, done == second);
            await work.CompleteAsync();
            await second;
        }
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.RunOnceAsync() > 0) { }

        await using var check = portal.Services.CreateAsyncScope();
        var numbered = await check.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.AsNoTracking()
            .Where(p => p.SubjectType == "Invio").OrderBy(p => p.Number).Select(p => p.SubjectId).ToListAsync();
        Assert.Equal(postgres ? ["in-coda-per-seconda", "in-coda-per-prima"] : ["in-coda-per-prima", "in-coda-per-seconda"], numbered);
    }

    [Fact]
    public async Task A_clean_run_of_queued_submissions_is_numbered_together_in_queue_order()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false", ["Portal:Setup:RunDemo"] = "false" });
        var subjects = new[] { "uno", "due", "tre", "quattro", "cinque" };
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IProtocolQueue>();
            foreach (var subject in subjects) await queue.EnqueueAsync("Invio", subject, "domanda");
        }
        await portal.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();

        await using var check = portal.Services.CreateAsyncScope();
        var numbered = await check.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.AsNoTracking()
            .Where(p => p.SubjectType == "Invio").OrderBy(p => p.Number).Select(p => new { p.SubjectId, p.Number }).ToListAsync();
        Assert.Equal(subjects, numbered.Select(p => p.SubjectId));
        Assert.Equal([1L, 2, 3, 4, 5], numbered.Select(p => p.Number));
        var outbox = await check.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking().Where(e => e.Kind == "protocollo").ToListAsync();
        // Taken together: one attempt each, all done in the one pass.
        Assert.All(outbox, e => Assert.Equal((OutboxState.Done, 1), (e.State, e.Attempts)));
    }

    [Fact]
    public async Task A_run_of_queued_submissions_is_numbered_together_in_order_and_a_bad_one_holds_back_only_itself_and_those_behind()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false", ["Portal:Setup:RunDemo"] = "false" });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            // Registered before its queued request is handled (as after a crash between the number and the outbox's completion).
            await scope.ServiceProvider.GetRequiredService<IProtocolRegister>().RegisterAsync("Invio", "gia-registrata", "domanda");
            var queue = scope.ServiceProvider.GetRequiredService<IProtocolQueue>();
            foreach (var subject in new[] { "prima", "seconda", "gia-registrata", "terza" })
                await queue.EnqueueAsync("Invio", subject, "domanda", [new OutboxItem("ricevuta-di-prova", "{}", $"ricevuta:{subject}")]);
            // A request the register cannot take (no subject): the run that holds it fails as a whole and is taken one at a time.
            await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxItem("protocollo", "{}", "protocollo:illeggibile", Ordered: true));
            await queue.EnqueueAsync("Invio", "dopo", "domanda");
        }
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        await processor.RunOnceAsync();

        await using var check = portal.Services.CreateAsyncScope();
        var numbers = await check.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.AsNoTracking()
            .Where(p => p.SubjectType == "Invio").ToDictionaryAsync(p => p.SubjectId, p => p.Number);
        // In queue order, no gap: the failed run gave its numbers back; the one registered before kept its number.
        Assert.Equal(new Dictionary<string, long> { ["gia-registrata"] = 1, ["prima"] = 2, ["seconda"] = 3, ["terza"] = 4 }, numbers);
        var outbox = await check.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking().ToListAsync();
        Assert.All(outbox.Where(e => e.Kind == "protocollo" && e.IdempotencyKey is not "protocollo:illeggibile" and not "protocollo:Invio:dopo"),
            e => Assert.Equal((OutboxState.Done, 1), (e.State, e.Attempts)));
        var bad = outbox.Single(e => e.IdempotencyKey == "protocollo:illeggibile");
        Assert.Equal((OutboxState.Pending, 1), (bad.State, bad.Attempts));
        Assert.NotNull(bad.LastError);
        var behind = outbox.Single(e => e.IdempotencyKey == "protocollo:Invio:dopo");
        Assert.Equal((OutboxState.Pending, 0), (behind.State, behind.Attempts));
        // Each follow-up once, with its number.
        Assert.Equal(4, outbox.Count(e => e.Kind == "ricevuta-di-prova"));
    }

    [Fact]
    public async Task A_queued_registration_enqueues_its_follow_ups_with_the_number_once()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false", ["Portal:Setup:RunDemo"] = "false" });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IProtocolQueue>();
            await queue.EnqueueAsync("Invio", "con-ricevuta", "domanda", [new OutboxItem("ricevuta-di-prova", "{}", "ricevuta:con-ricevuta")]);
            await queue.EnqueueAsync("Invio", "con-ricevuta", "domanda ripetuta");
        }
        await portal.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();

        await using var check = portal.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CoreDbContext>();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.CountAsync(p => p.SubjectId == "con-ricevuta"));
        var followUp = await db.Outbox.AsNoTracking().SingleAsync(e => e.IdempotencyKey == "ricevuta:con-ricevuta");
        Assert.Equal(OutboxState.Pending, followUp.State); // no handler in this test: it waits, it is not lost
        Assert.Equal(OutboxState.Done, (await db.Outbox.AsNoTracking().SingleAsync(e => e.Kind == "protocollo")).State);
    }

    [Fact]
    public async Task The_same_subject_registered_concurrently_gets_one_number()
    {
        using var portal = FreshRegister();
        _ = portal.Services;
        using var start = new Barrier(8);
        var entries = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return RegisterAsync(portal, "doppio-clic");
        })));
        Assert.Single(entries.Select(e => e.Number).Distinct());
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ProtocolDbContext>().Entries.CountAsync(p => p.SubjectId == "doppio-clic"));
        Assert.Equal(entries[0].Number + 1, (await RegisterAsync(portal, "successivo")).Number);
    }
}
