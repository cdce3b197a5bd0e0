using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>Nested units: a savepoint each (undone alone), or none inside an all-or-nothing unit (one failure undoes all).</summary>
public class UnitOfWorkTests
{
    private static SiteSetting Row(string key) => new() { Key = key, Value = "v", UpdatedUtc = DateTime.UtcNow };

    private static Task<List<string>> KeysAsync(PortalFactory portal, string prefix) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking()
            .Where(s => s.Key.StartsWith(prefix)).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync());

    [Fact]
    public async Task A_nested_unit_left_uncompleted_undoes_only_its_own_changes()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create());
        var prefix = $"Prova.Uow.{Guid.NewGuid():N}.";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var units = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using var outer = await units.BeginAsync();
            db.Settings.Add(Row(prefix + "a"));
            await db.SaveChangesAsync();
            await using (await units.BeginAsync())
            {
                db.Settings.Add(Row(prefix + "b"));
                await db.SaveChangesAsync();
            }
            db.Settings.Add(Row(prefix + "c"));
            await db.SaveChangesAsync();
            await outer.CompleteAsync();
        }
        Assert.Equal([prefix + "a", prefix + "c"], await KeysAsync(portal, prefix));
    }

    [Fact]
    public async Task Inside_an_all_or_nothing_unit_a_nested_unit_left_uncompleted_undoes_everything()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create());
        var prefix = $"Prova.Uow.{Guid.NewGuid():N}.";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var units = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using var outer = await units.BeginAllOrNothingAsync();
            db.Settings.Add(Row(prefix + "a"));
            await db.SaveChangesAsync();
            await using (await units.BeginAsync())
            {
                db.Settings.Add(Row(prefix + "b"));
                await db.SaveChangesAsync();
            }
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => outer.CompleteAsync());
            Assert.Contains("tutto o niente", refused.Message);
        }
        Assert.Empty(await KeysAsync(portal, prefix));
    }

    [Fact]
    public async Task Inside_an_all_or_nothing_unit_completed_nested_units_commit_with_it()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create());
        var prefix = $"Prova.Uow.{Guid.NewGuid():N}.";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var units = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using var outer = await units.BeginAllOrNothingAsync();
            db.Settings.Add(Row(prefix + "a"));
            await db.SaveChangesAsync();
            await using (var nested = await units.BeginAsync())
            {
                db.Settings.Add(Row(prefix + "b"));
                await db.SaveChangesAsync();
                await nested.CompleteAsync();
            }
            await outer.CompleteAsync();
        }
        Assert.Equal([prefix + "a", prefix + "b"], await KeysAsync(portal, prefix));

        // The next unit of the same scope kind is an ordinary one again: its nested units take savepoints.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var units = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using (var first = await units.BeginAllOrNothingAsync()) await first.CompleteAsync();
            await using var outer = await units.BeginAsync();
            await using (await units.BeginAsync())
            {
                db.Settings.Add(Row(prefix + "x"));
                await db.SaveChangesAsync();
            }
            db.Settings.Add(Row(prefix + "c"));
            await db.SaveChangesAsync();
            await outer.CompleteAsync();
        }
        Assert.Equal([prefix + "a", prefix + "b", prefix + "c"], await KeysAsync(portal, prefix));
    }
}
