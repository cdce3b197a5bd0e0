using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Data;
using Portal.Contents.Services;
using Portal.Testing;

namespace Portal.Contents.Tests;

/// <summary>The AddSearch migration copies what was already published into the search table and its full-text index.</summary>
public class SearchMigrationTests
{
    [Fact]
    public async Task Upgrading_fills_the_search_index_with_the_published_items_only()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Setup:AutoSetup"] = "false" });
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentsDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var addSearch = migrations.FindIndex(m => m.EndsWith("_AddSearch", StringComparison.Ordinal));
        Assert.True(addSearch > 0);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[addSearch - 1]);

        var now = DateTime.UtcNow;
        var (published, draft, finestra) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        const string avvisoJson = "{\"categoria\":\"Scuola\",\"servizio\":\"Graduatorie\"}";
        var opens = new DateTime(2030, 1, 10, 8, 0, 0, DateTimeKind.Utc);
        var finestraJson = "{\"opensAtUtc\":\"2030-01-10T08:00:00Z\",\"closesAtUtc\":\"2030-02-10T08:00:00Z\"}";
        foreach (var (id, type, status, slug, title, json, parent) in new[]
                 {
                     (published, "Avviso", "Pubblicato", "borse-vecchie", "Borse di studio vecchie", avvisoJson, (Guid?)null),
                     (draft, "Avviso", "Bozza", "borse-bozza", "Borse di studio in bozza", avvisoJson, null),
                     (finestra, "Finestra", "Pubblicato", null, "Prima finestra", finestraJson, published),
                 })
        {
            int? publishedVersion = status == "Pubblicato" ? 1 : null;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO contents_item ("Id","ContentType","Status","Slug","ParentId","Title","LatestVersion","PublishedVersion","CreatedUtc","ModifiedUtc","FirstPublishedUtc","Revision")
                VALUES ({id}, {type}, {status}, {slug}, {parent}, {title}, 1, {publishedVersion}, {now}, {now}, {now}, 1)
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO contents_version ("Id","ItemId","Number","Title","Summary","Body","DataJson","CreatedUtc")
                VALUES ({Guid.NewGuid()}, {id}, 1, {title}, 'Sommario', 'Le domande si presentano on line.', {json}, {now})
                """);
        }

        await migrator.MigrateAsync();
        db.ChangeTracker.Clear();
        var entries = await db.SearchEntries.AsNoTracking().ToListAsync();
        Assert.Equal([published, finestra], entries.OrderBy(e => e.ContentType).Select(e => e.ItemId));
        var avviso = entries.Single(e => e.ItemId == published);
        Assert.Equal(("Scuola", "Graduatorie", "borse-vecchie"), (avviso.Categoria, avviso.Servizio, avviso.Slug));
        var window = entries.Single(e => e.ItemId == finestra);
        Assert.Equal((opens, published), (window.OpensAtUtc!.Value, window.ParentId!.Value));

        var queries = scope.ServiceProvider.GetRequiredService<ContentQueries>();
        var (items, total) = await queries.SearchAvvisiAsync(new AvvisoFilter("domanda borse", "scuola", null));
        Assert.Equal(1, total);
        Assert.Equal(published, items.Single().Item.Id);
        var (future, _) = await queries.SearchAvvisiAsync(new AvvisoFilter(null, null, "in-arrivo"));
        Assert.Contains(future, a => a.Item.Id == published);
    }
}
