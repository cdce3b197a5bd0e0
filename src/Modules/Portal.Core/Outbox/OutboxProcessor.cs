using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;

namespace Portal.Core.Outbox;

/// <summary>
/// Takes due outbox entries and hands them to their <see cref="IOutboxHandler"/>. Several nodes may run
/// it at once: an entry is taken by a conditional update (a lease), so only one node handles it while
/// the lease lasts; a node that dies mid-way loses the lease and another node retries the entry.
/// Entries of an ordered kind are handled strictly one after the other, oldest first.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxProcessor> logger)
{
    private const int MaxErrorLength = 2000;

    public string NodeId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Handles what is due now; returns how many entries were handled successfully.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        List<long> unordered;
        List<string> orderedKinds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            unordered = await Available(db, now).Where(e => !e.Ordered)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(batch).ToListAsync(ct);
            orderedKinds = await db.Outbox.AsNoTracking().Where(e => e.State == OutboxState.Pending && e.Ordered)
                .Select(e => e.Kind).Distinct().ToListAsync(ct);
        }

        // Ordered kinds first: their entries wait for each other (a protocol number), the others do not.
        var handled = 0;
        foreach (var kind in orderedKinds)
            handled += await DrainOrderedAsync(kind, batch, ct);
        foreach (var id in unordered)
            if (await TryHandleAsync(id, ct)) handled++;
        return handled;
    }

    private async Task<int> DrainOrderedAsync(string kind, int batch, CancellationToken ct)
    {
        var handled = 0;
        var together = true;
        var limit = batch;
        while (handled < limit)
        {
            if (together)
            {
                var many = await TryHandleTogetherAsync(kind, Math.Min(batch, limit - handled), ct);
                if (many > 0)
                {
                    // Runs taken together cost a transaction each: a surge's backlog is numbered in this round (up to 20 runs),
                    // before the unordered entries (receipts, e-mails) that follow from it.
                    handled += many;
                    limit = batch * 20;
                    continue;
                }
                // Nothing to take together (one fresh entry, or a handler without batches) or the batch failed: one at a time.
                together = many == 0;
            }
            long? head;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
                head = await db.Outbox.AsNoTracking().Where(e => e.State == OutboxState.Pending && e.Ordered && e.Kind == kind)
                    .OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
            }
            // The head not due, taken by another node, or failing: the entries behind it wait their turn.
            if (head is null || !await TryHandleAsync(head.Value, ct)) return handled;
            handled++;
        }
        return handled;
    }

    /// <summary>
    /// The kind's head and the entries right behind it, as long as each is available and never tried (a retried entry keeps
    /// its own back-off), handed together to an <see cref="IOutboxBatchHandler"/>: one lease, one transaction of the
    /// handler, one completion. Returns how many were handled; 0 when fewer than two could be taken together (or no batch
    /// handler); -1 when the batch failed (its entries are released untouched, to be handled one at a time).
    /// </summary>
    private async Task<int> TryHandleTogetherAsync(string kind, int max, CancellationToken ct)
    {
        if (max < 2) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (services.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == kind) is not IOutboxBatchHandler handler) return 0;
        var db = services.GetRequiredService<CoreDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await db.Outbox.AsNoTracking().Where(e => e.State == OutboxState.Pending && e.Ordered && e.Kind == kind)
            .OrderBy(e => e.Id).Take(max).ToListAsync(ct);
        var run = next.TakeWhile(e => e.Attempts == 0 && e.DueUtc <= now && (e.LockedUntilUtc == null || e.LockedUntilUtc < now)).ToList();
        if (run.Count < 2) return 0;
        var ids = run.Select(e => e.Id).ToList();
        var lease = now.AddSeconds(Math.Max(1, options.Value.LeaseSeconds));
        var taken = await Available(db, now).Where(e => ids.Contains(e.Id) && e.Attempts == 0).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.LockedUntilUtc, lease)
            .SetProperty(e => e.LockedBy, NodeId), ct);
        if (taken != ids.Count)
        {
            // Another node took some of them meanwhile: give back the rest, the usual path sorts it out.
            await ReleaseAsync(ids);
            return 0;
        }
        try
        {
            await handler.HandleBatchAsync(run.Select(e => new OutboxMessage(e.Id, e.Kind, e.Payload, e.IdempotencyKey, 1, e.EnqueuedUtc)).ToList(), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Count} operazioni in coda ({Kind}) non riuscite insieme: si riprovano una alla volta", ids.Count, kind);
            await ReleaseAsync(ids);
            return -1;
        }
        var completed = await UpdateManyWhileOwnedAsync(ids, q => q.ExecuteUpdateAsync(u => u
            .SetProperty(e => e.State, OutboxState.Done)
            .SetProperty(e => e.Attempts, 1)
            .SetProperty(e => e.CompletedUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(e => e.LockedUntilUtc, (DateTime?)null)
            .SetProperty(e => e.LastError, (string?)null), ct));
        if (completed != ids.Count)
            logger.LogWarning("{Count} operazioni in coda ({Kind}) completate dopo la scadenza del turno: un altro nodo potrebbe ripeterle", ids.Count - completed, kind);
        return ids.Count;
    }

    private Task<int> ReleaseAsync(List<long> ids) =>
        UpdateManyWhileOwnedAsync(ids, q => q.ExecuteUpdateAsync(u => u.SetProperty(e => e.LockedUntilUtc, (DateTime?)null).SetProperty(e => e.LockedBy, (string?)null)));

    private async Task<int> UpdateManyWhileOwnedAsync(List<long> ids, Func<IQueryable<OutboxEntry>, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var node = NodeId;
        return await update(db.Outbox.Where(e => ids.Contains(e.Id) && e.LockedBy == node && e.State == OutboxState.Pending));
    }

    private static IQueryable<OutboxEntry> Available(CoreDbContext db, DateTime now) =>
        db.Outbox.Where(e => e.State == OutboxState.Pending && e.DueUtc <= now
                             && (e.LockedUntilUtc == null || e.LockedUntilUtc < now));

    private async Task<bool> TryHandleAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoreDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(Math.Max(1, options.Value.LeaseSeconds));
        var taken = await Available(db, now).Where(e => e.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.LockedUntilUtc, lease)
            .SetProperty(e => e.LockedBy, NodeId)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        if (taken == 0) return false;

        var entry = await db.Outbox.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        var handler = services.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == entry.Kind);
        try
        {
            if (handler is null)
                throw new InvalidOperationException($"Nessun gestore registrato per le operazioni di tipo '{entry.Kind}'.");
            await handler.HandleAsync(
                new OutboxMessage(entry.Id, entry.Kind, entry.Payload, entry.IdempotencyKey, entry.Attempts, entry.EnqueuedUtc), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await RecordFailureAsync(entry, e, ct);
            return false;
        }

        var completed = await UpdateWhileOwnedAsync(id, q => q.ExecuteUpdateAsync(u => u
            .SetProperty(e => e.State, OutboxState.Done)
            .SetProperty(e => e.CompletedUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(e => e.LockedUntilUtc, (DateTime?)null)
            .SetProperty(e => e.LastError, (string?)null), ct));
        if (completed == 0)
            logger.LogWarning("Operazione in coda {Id} ({Kind}) completata dopo la scadenza del turno: un altro nodo potrebbe ripeterla", id, entry.Kind);
        return true;
    }

    private async Task RecordFailureAsync(OutboxEntry entry, Exception error, CancellationToken ct)
    {
        var o = options.Value;
        // A refusal of the domain (wrong data, a person or record that does not exist) would get the same answer on every
        // attempt: the entry fails at once, logged without a stack trace, instead of being retried for hours.
        var refused = error is PortalException { Kind: PortalErrorKind.Invalid or PortalErrorKind.NotFound };
        var giveUp = refused || entry.Attempts >= Math.Max(1, o.MaxAttempts);
        var delay = TimeSpan.FromSeconds(Math.Min(3600, Math.Max(1, o.RetryBaseSeconds) * Math.Pow(2, Math.Min(20, entry.Attempts - 1))));
        var due = clock.GetUtcNow().UtcDateTime + delay;
        var state = giveUp ? OutboxState.Failed : OutboxState.Pending;
        var message = error.Message.Length > MaxErrorLength ? error.Message[..MaxErrorLength] : error.Message;
        if (refused)
            logger.LogWarning("Operazione in coda {Id} ({Kind}) rifiutata, non verrà ripetuta: {Reason}", entry.Id, entry.Kind, error.Message);
        else if (giveUp)
            logger.LogError(error, "Operazione in coda {Id} ({Kind}) abbandonata dopo {Attempts} tentativi", entry.Id, entry.Kind, entry.Attempts);
        else
            logger.LogWarning(error, "Operazione in coda {Id} ({Kind}) non riuscita (tentativo {Attempts}); nuovo tentativo alle {Due:u}",
                entry.Id, entry.Kind, entry.Attempts, due);
        await UpdateWhileOwnedAsync(entry.Id, q => q.ExecuteUpdateAsync(u => u
            .SetProperty(e => e.State, state)
            .SetProperty(e => e.DueUtc, due)
            .SetProperty(e => e.LockedUntilUtc, (DateTime?)null)
            .SetProperty(e => e.LastError, message), ct));
    }

    /// <summary>Updates the entry if this node still holds it, from a fresh scope (the handler's may be unusable).</summary>
    private async Task<int> UpdateWhileOwnedAsync(long id, Func<IQueryable<OutboxEntry>, Task<int>> update)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var node = NodeId;
        return await update(db.Outbox.Where(e => e.Id == id && e.LockedBy == node && e.State == OutboxState.Pending));
    }
}
