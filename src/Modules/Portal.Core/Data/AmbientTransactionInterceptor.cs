using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// Lets every module's context join the open unit of work without knowing about it: before saving, the
/// context takes the unit's transaction; every command (queries, ExecuteUpdate, raw SQL) runs inside it.
/// </summary>
internal sealed class AmbientTransactionInterceptor : DbCommandInterceptor, ISaveChangesInterceptor
{
    /// <summary>Stateless: the connection is the one the context is leased to.</summary>
    public static readonly AmbientTransactionInterceptor Instance = new();

    private static PortalConnection? ConnectionOf(DbContext? context) => (context as PortalDbContext)?.Ambient;

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && ConnectionOf(context) is { } connection) await connection.EnlistAsync(context, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && ConnectionOf(context) is { } connection)
            connection.EnlistAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (ConnectionOf(eventData.Context)?.Transaction is { } tx && result.Transaction is null) result.Transaction = tx;
        return result;
    }
}
