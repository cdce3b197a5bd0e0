using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Data;

namespace Portal.Core.Outbox;

internal sealed class DatabaseOutbox(CoreDbContext db, IUnitOfWork unitOfWork, TimeProvider clock) : IOutbox
{
    public async Task<long> EnqueueAsync(OutboxItem item, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.IdempotencyKey);
        // An ordered kind's counter row stays locked until the enqueuing unit of work commits.
        await using var work = item.Ordered && !unitOfWork.IsActive ? await unitOfWork.BeginAsync(ct) : null;
        if (item.Ordered)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO core_outbox_kind_lock (\"Kind\", \"Enqueued\") VALUES ({item.Kind}, 0) ON CONFLICT DO NOTHING", ct);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE core_outbox_kind_lock SET \"Enqueued\" = \"Enqueued\" + 1 WHERE \"Kind\" = {item.Kind}", ct);
        }
        var existing = await db.Outbox.AsNoTracking()
            .Where(e => e.IdempotencyKey == item.IdempotencyKey).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id) return id;

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new OutboxEntry
        {
            Kind = item.Kind,
            Payload = item.Payload,
            IdempotencyKey = item.IdempotencyKey,
            Ordered = item.Ordered,
            State = OutboxState.Pending,
            EnqueuedUtc = now,
            DueUtc = item.NotBeforeUtc is { } notBefore && notBefore > now ? notBefore : now,
        };
        db.Outbox.Add(entry);
        await db.SaveChangesAsync(ct);
        if (work is not null) await work.CompleteAsync(ct);
        return entry.Id;
    }
}
