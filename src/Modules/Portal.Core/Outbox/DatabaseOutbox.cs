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
/// <remarks>On PostgreSQL the entries are written with plain commands on the scope's connection (in the unit's transaction):
/// EF's raw SQL queries are compiled again on every call, and these run on every send of a click day.</remarks>
internal sealed class DatabaseOutbox(CoreDbContext db, PortalConnection connection, IUnitOfWork unitOfWork, TimeProvider clock) : IOutbox
{
    // One round trip: the upsert locks the kind's row until commit; the entry's identity is drawn after it.
    private const string OrderedSql = """
        WITH l AS (
            INSERT INTO core_outbox_kind_lock ("Kind", "Enqueued") VALUES ($1, 1)
            ON CONFLICT ("Kind") DO UPDATE SET "Enqueued" = core_outbox_kind_lock."Enqueued" + 1
            RETURNING "Kind")
        INSERT INTO core_outbox ("Kind", "Payload", "IdempotencyKey", "Ordered", "State", "EnqueuedUtc", "DueUtc", "Attempts")
        SELECT l."Kind", $2, $3, TRUE, $4, $5, $6, 0 FROM l
        ON CONFLICT ("IdempotencyKey") DO NOTHING
        """;

    private const string UnorderedSql = """
        INSERT INTO core_outbox ("Kind", "Payload", "IdempotencyKey", "Ordered", "State", "EnqueuedUtc", "DueUtc", "Attempts")
        VALUES ($1, $2, $3, FALSE, $4, $5, $6, 0)
        ON CONFLICT ("IdempotencyKey") DO NOTHING
        """;

    public async Task EnqueueAsync(OutboxItem item, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.IdempotencyKey);
        if (!item.Ordered)
        {
            await InsertAsync(item, ct);
            return;
        }
        if (unitOfWork is UnitOfWork work && work.DeferToCommit(c => InsertOrderedAsync(item, c))) return;
        await using var own = await unitOfWork.BeginAsync(ct);
        await InsertOrderedAsync(item, ct);
        await own.CompleteAsync(ct);
    }

    /// <summary>Takes the kind's lock row (created if missing), then inserts the entry unless its key is already queued.</summary>
    private async Task InsertOrderedAsync(OutboxItem item, CancellationToken ct)
    {
        var (now, due) = Times(item);
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(OrderedSql, item, now, due, ct);
            return;
        }
        // SQLite: the first write takes the database's write lock until commit, which orders the entries by itself.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO core_outbox_kind_lock (\"Kind\", \"Enqueued\") VALUES ({item.Kind}, 1) ON CONFLICT (\"Kind\") DO UPDATE SET \"Enqueued\" = \"Enqueued\" + 1", ct);
        await InsertWithEfAsync(item, now, due, ct);
    }

    private async Task InsertAsync(OutboxItem item, CancellationToken ct)
    {
        var (now, due) = Times(item);
        if (connection.Provider == DatabaseProvider.Postgres) await ExecuteAsync(UnorderedSql, item, now, due, ct);
        else await InsertWithEfAsync(item, now, due, ct);
    }

    /// <summary>One command on the scope's connection, in the open unit's transaction if there is one.</summary>
    private async Task ExecuteAsync(string sql, OutboxItem item, DateTime now, DateTime due, CancellationToken ct)
    {
        var npgsql = (Npgsql.NpgsqlConnection)connection.Connection;
        var opened = npgsql.State != System.Data.ConnectionState.Open;
        if (opened) await npgsql.OpenAsync(ct);
        try
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, npgsql, (Npgsql.NpgsqlTransaction?)connection.Transaction);
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = item.Kind });
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = item.Payload });
            command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = item.IdempotencyKey });
            command.Parameters.Add(new Npgsql.NpgsqlParameter<int> { TypedValue = (int)OutboxState.Pending });
            command.Parameters.Add(new Npgsql.NpgsqlParameter<DateTime> { TypedValue = now });
            command.Parameters.Add(new Npgsql.NpgsqlParameter<DateTime> { TypedValue = due });
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            if (opened) await npgsql.CloseAsync();
        }
    }

    private async Task InsertWithEfAsync(OutboxItem item, DateTime now, DateTime due, CancellationToken ct)
    {
        if (await db.Outbox.AsNoTracking().AnyAsync(e => e.IdempotencyKey == item.IdempotencyKey, ct)) return;
        db.Outbox.Add(new OutboxEntry
        {
            Kind = item.Kind,
            Payload = item.Payload,
            IdempotencyKey = item.IdempotencyKey,
            Ordered = item.Ordered,
            State = OutboxState.Pending,
            EnqueuedUtc = now,
            DueUtc = due,
        });
        await db.SaveChangesAsync(ct);
    }

    private (DateTime Now, DateTime Due) Times(OutboxItem item)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, item.NotBeforeUtc is { } notBefore && notBefore > now ? notBefore : now);
    }
}
