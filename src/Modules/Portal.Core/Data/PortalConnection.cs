using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>
/// One database connection per request (scope), shared by every module's context, so that changes
/// made through several contexts can be committed in one transaction (see <see cref="BeginSharedTransactionAsync"/>).
/// </summary>
public sealed class PortalConnection(DatabaseOptions options) : IAsyncDisposable, IDisposable
{
    private DbConnection? _connection;

    public DatabaseProvider Provider => options.Provider;

    public DbConnection Connection => _connection ??= options.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(options.ConnectionString)
        : new SqliteConnection(options.ConnectionString);

    public void Dispose() => _connection?.Dispose();

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class SharedTransactionExtensions
{
    /// <summary>Begins a transaction on the first context and enlists the others (same connection).</summary>
    public static async Task<SharedTransaction> BeginSharedTransactionAsync(this DbContext first, CancellationToken ct, params DbContext[] others)
    {
        var owned = first.Database.CurrentTransaction is null;
        var tx = first.Database.CurrentTransaction ?? await first.Database.BeginTransactionAsync(ct);
        var dbTransaction = tx.GetDbTransaction();
        var enlisted = new List<DbContext>();
        foreach (var other in others)
        {
            var current = other.Database.CurrentTransaction;
            if (current is not null && current.GetDbTransaction() == dbTransaction) continue;
            if (current is not null) await other.Database.UseTransactionAsync(null, ct);
            await other.Database.UseTransactionAsync(dbTransaction, ct);
            enlisted.Add(other);
        }
        return new SharedTransaction(owned ? tx : null, enlisted);
    }
}

/// <summary>
/// A transaction spanning several contexts on the shared connection. When it ends, the enlisted
/// contexts are released (EF cannot know that a transaction it was handed has finished).
/// </summary>
public sealed class SharedTransaction(IDbContextTransaction? owned, List<DbContext> enlisted) : IAsyncDisposable
{
    /// <summary>Commits, unless an outer transaction owns the work (then the outer one commits).</summary>
    public Task CommitAsync(CancellationToken ct = default) => owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in enlisted)
            await context.Database.UseTransactionAsync(null);
        if (owned is not null) await owned.DisposeAsync();
    }
}
