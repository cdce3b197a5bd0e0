namespace Portal.Testing;

/// <summary>
/// Migrations and the setup and demo recipes take seconds per host, and give the same database every time for the
/// same composition and settings. The first host of a kind that starts on an empty database initialises it as always
/// and leaves a snapshot of it here; the next hosts of that kind in this test process start on a copy of the snapshot
/// (a template database on PostgreSQL, a file copy on SQLite) and find a site already set up, as on a restart.
/// A host whose clock is earlier than the snapshot's initialises its own: the recipes date what they create from the clock,
/// and a site dated after the host's "now" (a demo avviso newer than what its tests publish) is not the site it would make.
/// </summary>
internal static class InitialisedDatabases
{
    /// <summary>By kind: the snapshot, null when it could not be taken, or pending while its host initialises. Under <see cref="Gate"/>.</summary>
    private static readonly Dictionary<string, Task<Snapshot?>> Snapshots = [];
    private static readonly Lock Gate = new();

    static InitialisedDatabases()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Gate)
                foreach (var snapshot in Snapshots.Values)
                    if (snapshot.IsCompletedSuccessfully) snapshot.Result?.Database.Dispose();
        };
    }

    /// <summary>A copy of an initialised database, and the host's clock when it was initialised.</summary>
    internal sealed record Snapshot(TestDatabase Database, DateTimeOffset DatedAt);

    /// <summary>
    /// Fills the empty <paramref name="database"/> from the snapshot of <paramref name="kind"/> and returns null, or, when
    /// there is none yet (or it is dated after <paramref name="now"/>, the starting host's clock), returns the slot that the
    /// caller fills once it has initialised the database itself. A host of the same kind starting meanwhile waits for it: a
    /// copy after the wait is quicker than a second initialisation.
    /// </summary>
    public static Slot? Fill(string kind, TestDatabase database, DateTimeOffset now)
    {
        while (true)
        {
            Task<Snapshot?> pending;
            TaskCompletionSource<Snapshot?>? mine = null;
            lock (Gate)
            {
                if (!Snapshots.TryGetValue(kind, out pending!))
                {
                    mine = new TaskCompletionSource<Snapshot?>(TaskCreationOptions.RunContinuationsAsynchronously);
                    Snapshots[kind] = mine.Task;
                }
            }
            if (mine is not null) return new Slot(kind, mine);
            var snapshot = pending.GetAwaiter().GetResult();
            if (snapshot is not null)
                return snapshot.DatedAt <= now && database.RestoreFrom(snapshot.Database) ? null : new Slot(kind, null);
            // Abandoned (its host failed to start): look again, this host may be the one to initialise.
            lock (Gate)
            {
                if (Snapshots.TryGetValue(kind, out var current) && current == pending) return new Slot(kind, null);
            }
        }
    }

    /// <summary>The snapshot a host owes once it has initialised its database (a no-op when someone else owes it).</summary>
    public sealed class Slot(string kind, TaskCompletionSource<Snapshot?>? owed)
    {
        /// <summary>Takes the snapshot; if it cannot (a connection still open), hosts of this kind initialise their own.</summary>
        public void Fill(TestDatabase initialised, string hostConnectionString, DateTimeOffset datedAt)
        {
            if (owed is null) return;
            Snapshot? snapshot = null;
            try
            {
                snapshot = new Snapshot(initialised.Snapshot(hostConnectionString), datedAt);
            }
            catch (Exception e) when (e is Npgsql.PostgresException or Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // Kept as "no snapshot": the next hosts of this kind initialise their own database, as without this class.
            }
            owed.SetResult(snapshot);
        }

        /// <summary>The host did not start: the next host of this kind initialises its database and may leave the snapshot.</summary>
        public void Abandon()
        {
            if (owed is null || owed.Task.IsCompleted) return;
            lock (Gate)
                if (Snapshots.TryGetValue(kind, out var current) && current == owed.Task) Snapshots.Remove(kind);
            owed.SetResult(null);
        }
    }
}
