using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Portal.Core.Data;

/// <summary>
/// One database connection per request (scope), shared by every module's context, and the unit of work's
/// transaction on it. Contexts join that transaction by themselves (<see cref="AmbientTransactionInterceptor"/>).
/// </summary>
public sealed class PortalConnection(DatabaseOptions options) : IAsyncDisposable, IDisposable
{
    private DbConnection? _connection;
    private readonly List<DbContext> _enlisted = [];

    public DatabaseProvider Provider => options.Provider;

    public DbConnection Connection => _connection ??= options.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(options.ConnectionString)
        : new SqliteConnection(options.ConnectionString);

    /// <summary>The open unit of work's transaction, or null.</summary>
    internal DbTransaction? Transaction { get; private set; }

    internal async Task<bool> BeginAsync(CancellationToken ct)
    {
        var opened = false;
        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await Connection.OpenAsync(ct);
            opened = true;
        }
        Transaction = await Connection.BeginTransactionAsync(ct);
        return opened;
    }

    /// <summary>Makes the context use the unit of work's transaction (before it saves or queries).</summary>
    internal async ValueTask EnlistAsync(DbContext context, CancellationToken ct)
    {
        if (Transaction is null) return;
        var current = context.Database.CurrentTransaction?.GetDbTransaction();
        if (current == Transaction) return;
        if (current is not null)
            throw new InvalidOperationException(
                $"{context.GetType().Name} ha una transazione propria mentre è aperta un'unità di lavoro: usare IUnitOfWork.");
        await context.Database.UseTransactionAsync(Transaction, ct);
        _enlisted.Add(context);
    }

    /// <summary>A context going back to the pool leaves the unit of work (it is reset by the pool).</summary>
    internal void Forget(DbContext context) => _enlisted.Remove(context);

    internal void ForgetTracked()
    {
        foreach (var context in _enlisted)
        {
            try { context.ChangeTracker.Clear(); }
            catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Ends the unit of work: the contexts forget the transaction; after a rollback they forget what they tracked.</summary>
    internal async Task EndAsync(bool committed, bool closeConnection)
    {
        var tx = Transaction;
        Transaction = null;
        foreach (var context in _enlisted)
        {
            try
            {
                await context.Database.UseTransactionAsync(null);
                if (!committed) context.ChangeTracker.Clear();
            }
            catch (ObjectDisposedException)
            {
                // A context created for a narrower scope is already gone.
            }
        }
        _enlisted.Clear();
        if (tx is not null) await tx.DisposeAsync();
        if (closeConnection && _connection is not null) await _connection.CloseAsync();
    }

    public void Dispose() => _connection?.Dispose();

    public ValueTask DisposeAsync() => _connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
