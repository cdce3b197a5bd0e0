using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Outbox;
using Portal.Core.Errors;
using Portal.Testing;

namespace Portal.Core.Tests;

public class OutboxTests
{
    /// <summary>Records what it handled; fails the first <see cref="FailuresLeft"/> attempts of the listed keys.</summary>
    private sealed class RecordingHandler(string kind) : IOutboxHandler
    {
        public string Kind => kind;
        public ConcurrentQueue<OutboxMessage> Handled { get; } = new();
        public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

        public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
        {
            await Task.Yield();
            if (FailuresLeft.TryGetValue(message.IdempotencyKey, out var left) && left > 0)
            {
                FailuresLeft[message.IdempotencyKey] = left - 1;
                throw new InvalidOperationException($"Servizio esterno non raggiungibile ({message.IdempotencyKey})");
            }
            if (Refused.Contains(message.IdempotencyKey))
                throw PortalException.NotFound($"La pratica {message.IdempotencyKey} non esiste.");
            Handled.Enqueue(message);
        }

        /// <summary>Keys the handler refuses as the domain does (a PortalException), on every attempt.</summary>
        public ConcurrentBag<string> Refused { get; } = [];
    }

    private sealed class Harness : IDisposable
    {
        public PortalFactory Portal { get; }
        public PortalFactory Host { get; }
        public RecordingHandler Plain { get; } = new("prova");
        public RecordingHandler Sequence { get; } = new("sequenza");

        public Harness()
        {
            Portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
            {
                ["Portal:Outbox:DispatcherEnabled"] = "false",
                // An empty outbox: the demo's applications leave protocol and receipt messages of their own.
                ["Portal:Setup:RunDemo"] = "false",
                ["Portal:Outbox:MaxAttempts"] = "3",
                ["Portal:Outbox:RetryBaseSeconds"] = "10",
                ["Portal:Outbox:LeaseSeconds"] = "60",
            });
            Host = Portal.WithWebHostBuilder(b => b.ConfigureServices(s =>
            {
                s.AddSingleton<IOutboxHandler>(Plain);
                s.AddSingleton<IOutboxHandler>(Sequence);
            }));
        }

        public OutboxProcessor Processor => Host.Services.GetRequiredService<OutboxProcessor>();

        /// <returns>The id of the entry holding the item's key.</returns>
        public async Task<long> EnqueueAsync(OutboxItem item)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(item);
            return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking()
                .Where(e => e.IdempotencyKey == item.IdempotencyKey).Select(e => e.Id).SingleAsync();
        }

        public async Task<List<OutboxEntry>> EntriesAsync()
        {
            await using var scope = Host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        }

        public void Dispose()
        {
            Host.Dispose();
            Portal.Dispose();
        }
    }

    [Fact]
    public async Task An_entry_exists_only_if_the_callers_transaction_commits_and_a_repeated_key_is_ignored()
    {
        using var h = new Harness();
        await using (var scope = h.Host.Services.CreateAsyncScope())
        {
            await using var work = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
            await scope.ServiceProvider.GetRequiredService<IOutbox>().EnqueueAsync(new OutboxItem("prova", "{}", "annullata"));
            // disposed without commit: rolled back
        }
        var first = await h.EnqueueAsync(new OutboxItem("prova", "{\"n\":1}", "chiave-1"));
        var again = await h.EnqueueAsync(new OutboxItem("prova", "{\"n\":2}", "chiave-1"));

        var entries = await h.EntriesAsync();
        var only = Assert.Single(entries);
        Assert.Equal(first, again);
        Assert.Equal(("chiave-1", "{\"n\":1}", OutboxState.Pending), (only.IdempotencyKey, only.Payload, only.State));
    }

    [Fact]
    public async Task A_due_entry_is_handled_once_and_marked_done()
    {
        using var h = new Harness();
        await h.EnqueueAsync(new OutboxItem("prova", "{}", "una-volta"));

        Assert.Equal(1, await h.Processor.RunOnceAsync());
        Assert.Equal(0, await h.Processor.RunOnceAsync());

        var handled = Assert.Single(h.Plain.Handled);
        Assert.Equal(("una-volta", 1), (handled.IdempotencyKey, handled.Attempt));
        var entry = Assert.Single(await h.EntriesAsync());
        Assert.Equal(OutboxState.Done, entry.State);
        Assert.NotNull(entry.CompletedUtc);
        Assert.Null(entry.LockedUntilUtc);
    }

    [Fact]
    public async Task A_refusal_of_the_domain_fails_the_entry_at_once_instead_of_retrying_it()
    {
        using var h = new Harness();
        h.Plain.Refused.Add("inesistente");
        var refused = await h.EnqueueAsync(new OutboxItem("prova", "{}", "inesistente"));
        var ordinary = await h.EnqueueAsync(new OutboxItem("prova", "{}", "ordinaria"));

        Assert.Equal(1, await h.Processor.RunOnceAsync());
        var entries = (await h.EntriesAsync()).ToDictionary(e => e.Id);
        Assert.Equal((OutboxState.Failed, 1, "La pratica inesistente non esiste."),
            (entries[refused].State, entries[refused].Attempts, entries[refused].LastError));
        Assert.Equal(OutboxState.Done, entries[ordinary].State);
        h.Portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await h.Processor.RunOnceAsync());
        Assert.Equal(1, (await h.EntriesAsync()).Single(e => e.Id == refused).Attempts);
    }

    [Fact]
    public async Task An_entry_with_a_delay_waits_for_its_instant()
    {
        using var h = new Harness();
        var at = h.Portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await h.EnqueueAsync(new OutboxItem("prova", "{}", "dopo", NotBeforeUtc: at));

        Assert.Equal(0, await h.Processor.RunOnceAsync());
        h.Portal.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await h.Processor.RunOnceAsync());
    }

    [Fact]
    public async Task A_failure_is_retried_after_a_growing_delay_and_given_up_after_the_maximum_attempts()
    {
        using var h = new Harness();
        h.Plain.FailuresLeft["ritenta"] = 1;
        h.Plain.FailuresLeft["impossibile"] = int.MaxValue;
        await h.EnqueueAsync(new OutboxItem("prova", "{}", "ritenta"));
        await h.EnqueueAsync(new OutboxItem("prova", "{}", "impossibile"));

        Assert.Equal(0, await h.Processor.RunOnceAsync());
        var failed = (await h.EntriesAsync())[0];
        Assert.Equal(OutboxState.Pending, failed.State);
        Assert.Contains("Servizio esterno non raggiungibile", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(h.Portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(10), failed.DueUtc, TimeSpan.FromSeconds(1));

        h.Portal.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await h.Processor.RunOnceAsync());
        h.Portal.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await h.Processor.RunOnceAsync());
        Assert.Equal(2, Assert.Single(h.Plain.Handled).Attempt);

        h.Portal.Clock.Advance(TimeSpan.FromSeconds(20)); // third attempt after 10 s, then 20 s
        await h.Processor.RunOnceAsync();
        var hopeless = (await h.EntriesAsync())[1];
        Assert.Equal((OutboxState.Failed, 3), (hopeless.State, hopeless.Attempts));
        h.Portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await h.Processor.RunOnceAsync());
        Assert.Equal(3, (await h.EntriesAsync())[1].Attempts);
    }

    [Fact]
    public async Task Ordered_entries_are_handled_in_enqueue_order_even_when_one_must_be_retried()
    {
        using var h = new Harness();
        for (var i = 1; i <= 5; i++)
            await h.EnqueueAsync(new OutboxItem("sequenza", "{}", $"conferma-{i}", Ordered: true));
        h.Sequence.FailuresLeft["conferma-2"] = 1;

        Assert.Equal(1, await h.Processor.RunOnceAsync()); // 1 done, 2 fails, 3..5 wait behind it
        h.Portal.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(4, await h.Processor.RunOnceAsync());

        Assert.Equal(["conferma-1", "conferma-2", "conferma-3", "conferma-4", "conferma-5"],
            h.Sequence.Handled.Select(m => m.IdempotencyKey));
    }

    [Fact]
    public async Task An_entry_held_by_a_node_that_died_is_taken_again_when_its_lease_expires()
    {
        using var h = new Harness();
        var id = await h.EnqueueAsync(new OutboxItem("prova", "{}", "orfana"));
        await using (var scope = h.Host.Services.CreateAsyncScope())
        {
            var now = h.Portal.Clock.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Outbox.Where(e => e.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.LockedBy, "nodo-spento").SetProperty(e => e.LockedUntilUtc, now.AddSeconds(60))
                    .SetProperty(e => e.Attempts, 1));
        }

        Assert.Equal(0, await h.Processor.RunOnceAsync());
        h.Portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await h.Processor.RunOnceAsync());
        Assert.Equal(2, Assert.Single(h.Plain.Handled).Attempt);
    }

    [Fact]
    public async Task An_entry_of_an_unknown_kind_fails_with_an_italian_message()
    {
        using var h = new Harness();
        await h.EnqueueAsync(new OutboxItem("sconosciuto", "{}", "nessun-gestore"));
        Assert.Equal(0, await h.Processor.RunOnceAsync());
        Assert.Contains("Nessun gestore registrato per le operazioni di tipo 'sconosciuto'", (await h.EntriesAsync())[0].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_dispatchers_at_once_handle_each_entry_exactly_once()
    {
        using var h = new Harness();
        const int count = 120;
        for (var i = 0; i < count; i++)
            await h.EnqueueAsync(new OutboxItem(i % 3 == 0 ? "sequenza" : "prova", "{}", $"concorrente-{i}", Ordered: i % 3 == 0));

        var processors = Enumerable.Range(0, 4)
            .Select(_ => ActivatorUtilities.CreateInstance<OutboxProcessor>(h.Host.Services)).ToList();
        Assert.Equal(4, processors.Select(p => p.NodeId).Distinct().Count());
        var rounds = processors.Select(p => Task.Run(async () =>
        {
            var total = 0;
            for (var round = 0; round < 10; round++) total += await p.RunOnceAsync();
            return total;
        }));
        var handled = (await Task.WhenAll(rounds)).Sum();

        Assert.Equal(count, handled);
        var keys = h.Plain.Handled.Concat(h.Sequence.Handled).Select(m => m.IdempotencyKey).ToList();
        Assert.Equal(count, keys.Distinct().Count());
        Assert.Equal(count, keys.Count);
        var sequence = h.Sequence.Handled.Select(m => int.Parse(m.IdempotencyKey["concorrente-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequence.Order(), sequence);
        Assert.All(await h.EntriesAsync(), e => Assert.Equal(OutboxState.Done, e.State));
    }
}
