using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Contents.Tests;

/// <summary>Migrations on the selected provider, and an upgrade of a populated database that keeps its data.</summary>
public class MigrationTests
{
    [Fact]
    public async Task Upgrading_a_populated_database_from_the_first_migration_keeps_its_content()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Setup:AutoSetup"] = "false" });
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentsDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.True(migrations.Count >= 2, "serve almeno una migrazione dopo la prima");
        var first = migrations[0];

        // Bring the database back to the first migration and fill it with the SQL of that schema.
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(first);
        Assert.Equal([first], await db.Database.GetAppliedMigrationsAsync());
        var id = Guid.NewGuid();
        var now = DateTime.UtcNow;
        var versionId = Guid.NewGuid();
        const string json = "{\"categoria\":\"Storia\"}";
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO contents_item ("Id","ContentType","Status","Slug","ParentId","Title","LatestVersion","PublishedVersion","PublishAtUtc","UnpublishAtUtc","CreatedUtc","ModifiedUtc","FirstPublishedUtc","ModifiedBy","Revision")
            VALUES ({id}, 'Avviso', 'Pubblicato', 'vecchio-avviso', NULL, 'Avviso di prima', 1, 1, NULL, NULL, {now}, {now}, {now}, 'migrazione', 3)
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO contents_version ("Id","ItemId","Number","Title","Summary","Body","DataJson","CreatedUtc","CreatedBy","Note")
            VALUES ({versionId}, {id}, 1, 'Avviso di prima', 'Sommario', 'Testo', {json}, {now}, 'migrazione', NULL)
            """);

        await migrator.MigrateAsync();
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        db.ChangeTracker.Clear();
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == id);
        Assert.Equal(("Avviso di prima", ContentStatus.Pubblicato, 1, 3), (item.Title, item.Status, item.PublishedVersion!.Value, item.Revision));
        Assert.Null(item.CreatedBy);
        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.ItemId == id);
        Assert.Equal("Storia", ContentData.FromJson(version.DataJson).Categoria);
    }

    [Fact]
    public async Task Every_module_database_is_fully_migrated_at_start_with_its_own_history_table()
    {
        using var portal = new PortalFactory();
        await using var scope = portal.Services.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
            Assert.StartsWith("__migrations_", module.HistoryTable, StringComparison.Ordinal);
        }
        Assert.Contains(scope.ServiceProvider.GetServices<ModuleDatabase>(), m => m.ContextType == typeof(ContentsDbContext));
        Assert.Contains(scope.ServiceProvider.GetServices<ModuleDatabase>(), m => m.ContextType == typeof(CoreDbContext));
    }
}
