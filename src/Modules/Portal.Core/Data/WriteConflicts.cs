using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>
/// Whether a failed write lost to another one: a unique or foreign key that a concurrent request took first, a serialization
/// failure or deadlock (PostgreSQL), the same keys or a busy database (SQLite). That is an expected refusal, answered as a
/// conflict; a lost connection or a syntax error is not.
/// </summary>
public static class WriteConflicts
{
    public static bool Is(Exception e) => e switch
    {
        // unique, foreign key, serialization failure, deadlock (a NOT NULL or CHECK violation is a defect, not a race)
        PostgresException p => p.SqlState is "23505" or "23503" or "40001" or "40P01",
        // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY, _FOREIGNKEY; SQLITE_BUSY, SQLITE_LOCKED
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555 or 787 || s.SqliteErrorCode is 5 or 6,
        DbUpdateException { InnerException: null } => true, // EF's own: a concurrency token that moved
        _ => e.InnerException is { } inner && Is(inner),
    };
}
