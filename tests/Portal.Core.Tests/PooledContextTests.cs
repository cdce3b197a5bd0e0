using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>
/// Module contexts are pooled: a scope leases one and gives it back. A leased context must use that scope's connection and
/// transaction, and nothing of the scope that had it before (tracked rows, the transaction, the unit of work).
/// </summary>
public class PooledContextTests
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Portal:Outbox:DispatcherEnabled"] = "false",
        ["Portal:Workflows:TimersEnabled"] = "false",
    };

    [Fact]
    public async Task A_context_given_back_by_a_rolled_back_scope_serves_the_next_scope_on_its_connection_with_nothing_left()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), Quiet);
        _ = portal.Services;
        var seen = new List<CoreDbContext>();
        var keys = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var connection = scope.ServiceProvider.GetRequiredService<PortalConnection>();
            Assert.Same(connection.Connection, db.Database.GetDbConnection());
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Null(db.Database.CurrentTransaction);
            seen.Add(db);

            var key = $"Prova.Pool.{Guid.NewGuid():N}";
            keys.Add(key);
            await using (var work = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync())
            {
                db.Settings.Add(new SiteSetting { Key = key, Value = "mai scritto", UpdatedUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
                Assert.NotNull(db.Database.CurrentTransaction);
                // Not completed: rolled back when disposed; the entry stays tracked until the scope gives the context back.
            }
            db.Settings.Add(new SiteSetting { Key = key + ".tracciato", Value = "mai salvato", UpdatedUtc = DateTime.UtcNow });
        }

        Assert.True(seen.Distinct().Count() < seen.Count, "the scopes should have been served by contexts from the pool");
        var written = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking()
            .CountAsync(s => s.Key.StartsWith("Prova.Pool.")));
        Assert.Equal(0, written);
    }

    [Fact]
    public async Task Two_scopes_at_once_each_write_in_their_own_transaction()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), Quiet);
        _ = portal.Services;
        var (kept, dropped) = ($"Prova.Pool.Tenuta.{Guid.NewGuid():N}", $"Prova.Pool.Annullata.{Guid.NewGuid():N}");
        await using var a = portal.Services.CreateAsyncScope();
        await using var b = portal.Services.CreateAsyncScope();
        var (dbA, dbB) = (a.ServiceProvider.GetRequiredService<CoreDbContext>(), b.ServiceProvider.GetRequiredService<CoreDbContext>());
        Assert.NotSame(dbA, dbB);

        // On SQLite writers are serialized: B writes after A has committed; on PostgreSQL both transactions are open together.
        var workA = await a.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
        dbA.Settings.Add(new SiteSetting { Key = kept, Value = "a", UpdatedUtc = DateTime.UtcNow });
        await dbA.SaveChangesAsync();
        if (portal.Database.Provider == DatabaseProvider.Sqlite)
        {
            await workA.CompleteAsync();
            await workA.DisposeAsync();
        }
        await using (var workB = await b.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync())
        {
            dbB.Settings.Add(new SiteSetting { Key = dropped, Value = "b", UpdatedUtc = DateTime.UtcNow });
            await dbB.SaveChangesAsync();
            Assert.NotSame(dbA.Database.CurrentTransaction?.GetDbTransaction(), dbB.Database.CurrentTransaction?.GetDbTransaction());
        }
        if (portal.Database.Provider != DatabaseProvider.Sqlite)
        {
            await workA.CompleteAsync();
            await workA.DisposeAsync();
        }

        var keys = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking()
            .Where(s => s.Key == kept || s.Key == dropped).Select(s => s.Key).ToListAsync());
        Assert.Equal([kept], keys);
    }
}
