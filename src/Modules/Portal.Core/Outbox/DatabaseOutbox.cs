using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Data;

namespace Portal.Core.Outbox;

/// <summary>
/// Writes outbox entries in the caller's unit of work. An ordered kind's entry is written as the unit's last statement,
/// just before its commit (<see cref="UnitOfWork.DeferToCommit"/>): that statement takes the kind's lock row
/// (<see cref="OutboxKindLock"/>), so entries get their ids in commit order while the lock is held for one statement
/// and the commit only, not for the rest of the caller's transaction (the click-day hot path).
/// </summary>
internal sealed class DatabaseOutbox(CoreDbContext db, IUnitOfWork unitOfWork, TimeProvider clock) : IOutbox
{
    public async Task<long> EnqueueAsync(OutboxItem item, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.IdempotencyKey);
        if (!item.Ordered) return await InsertAsync(item, ct);
        if (unitOfWork is UnitOfWork work && work.DeferToCommit(c => InsertOrderedAsync(item, c))) return 0;
        await using var own = await unitOfWork.BeginAsync(ct);
        var id = await InsertOrderedAsync(item, ct);
        await own.CompleteAsync(ct);
        return id;
    }

    /// <summary>Takes the kind's lock row (created if missing), then inserts the entry unless its key is already queued.</summary>
    private async Task<long> InsertOrderedAsync(OutboxItem item, CancellationToken ct)
    {
        var (now, due) = Times(item);
        if (db.Database.IsNpgsql())
        {
            // One round trip: the upsert locks the kind's row until commit; the entry's identity is drawn after it.
            var ids = await db.Database.SqlQuery<long>($"""
                WITH l AS (
                    INSERT INTO core_outbox_kind_lock ("Kind", "Enqueued") VALUES ({item.Kind}, 1)
                    ON CONFLICT ("Kind") DO UPDATE SET "Enqueued" = core_outbox_kind_lock."Enqueued" + 1
                    RETURNING "Kind")
                INSERT INTO core_outbox ("Kind", "Payload", "IdempotencyKey", "Ordered", "State", "EnqueuedUtc", "DueUtc", "Attempts")
                SELECT l."Kind", {item.Payload}, {item.IdempotencyKey}, TRUE, {(int)OutboxState.Pending}, {now}, {due}, 0 FROM l
                ON CONFLICT ("IdempotencyKey") DO NOTHING
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
            return ids.Count > 0 ? ids[0] : await ExistingAsync(item.IdempotencyKey, ct);
        }
        // SQLite: the first write takes the database's write lock until commit, which orders the entries by itself.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO core_outbox_kind_lock (\"Kind\", \"Enqueued\") VALUES ({item.Kind}, 1) ON CONFLICT (\"Kind\") DO UPDATE SET \"Enqueued\" = \"Enqueued\" + 1", ct);
        return await InsertWithEfAsync(item, now, due, ct);
    }

    private async Task<long> InsertAsync(OutboxItem item, CancellationToken ct)
    {
        var (now, due) = Times(item);
        if (!db.Database.IsNpgsql()) return await InsertWithEfAsync(item, now, due, ct);
        var ids = await db.Database.SqlQuery<long>($"""
            INSERT INTO core_outbox ("Kind", "Payload", "IdempotencyKey", "Ordered", "State", "EnqueuedUtc", "DueUtc", "Attempts")
            VALUES ({item.Kind}, {item.Payload}, {item.IdempotencyKey}, FALSE, {(int)OutboxState.Pending}, {now}, {due}, 0)
            ON CONFLICT ("IdempotencyKey") DO NOTHING
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
        return ids.Count > 0 ? ids[0] : await ExistingAsync(item.IdempotencyKey, ct);
    }

    private async Task<long> InsertWithEfAsync(OutboxItem item, DateTime now, DateTime due, CancellationToken ct)
    {
        var existing = await db.Outbox.AsNoTracking()
            .Where(e => e.IdempotencyKey == item.IdempotencyKey).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var entry = new OutboxEntry
        {
            Kind = item.Kind,
            Payload = item.Payload,
            IdempotencyKey = item.IdempotencyKey,
            Ordered = item.Ordered,
            State = OutboxState.Pending,
            EnqueuedUtc = now,
            DueUtc = due,
        };
        db.Outbox.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    private Task<long> ExistingAsync(string key, CancellationToken ct) =>
        db.Outbox.AsNoTracking().Where(e => e.IdempotencyKey == key).Select(e => e.Id).FirstAsync(ct);

    private (DateTime Now, DateTime Due) Times(OutboxItem item)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, item.NotBeforeUtc is { } notBefore && notBefore > now ? notBefore : now);
    }
}
