using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Testing;

namespace Portal.Contents.Tests;

public class LifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<T> Do<T>(Func<ContentService, Task<T>> action) => portal.InScopeAsync(sp => action(sp.GetRequiredService<ContentService>()));

    private Task<int> RunDueSchedulesAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<ContentScheduleRunner>().RunDueSchedulesAsync());

    [Fact]
    public async Task A_draft_is_not_public_until_published_and_publishing_makes_it_public()
    {
        var slug = ContentTestExtensions.UniqueSlug("bozza");
        var item = await portal.CreateAvvisoAsync("Avviso in bozza", slug);
        Assert.Equal(ContentStatus.Bozza, item.Status);
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/avvisi/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/avvisi/{slug}")).StatusCode);

        await Do(s => s.PublishAsync(item.Id, item.Revision, "test"));
        var page = await client.GetStringAsync($"/avvisi/{slug}");
        Assert.Contains("Avviso in bozza", page);
        Assert.Contains("<strong>importante</strong>", page);
    }

    [Fact]
    public async Task Editing_a_published_item_keeps_the_published_version_public_until_the_next_publish()
    {
        var slug = ContentTestExtensions.UniqueSlug("versioni");
        var item = await portal.CreateAvvisoAsync("Titolo uno", slug);
        item = await Do(s => s.PublishAsync(item.Id, item.Revision, "test"));
        item = await Do(s => s.SaveDraftAsync(item.Id, item.Revision, new ContentInput { Title = "Titolo due", Slug = slug }, [], "test"));
        Assert.Equal(2, item.LatestVersion);
        Assert.Equal(1, item.PublishedVersion);
        Assert.True(item.HasUnpublishedChanges);
        var client = portal.Anonymous();
        Assert.Contains("Titolo uno", await client.GetStringAsync($"/avvisi/{slug}"));

        item = await Do(s => s.PublishAsync(item.Id, item.Revision, "test"));
        var page = await client.GetStringAsync($"/avvisi/{slug}");
        Assert.Contains("Titolo due", page);
        Assert.DoesNotContain("Titolo uno", page);
    }

    [Fact]
    public async Task Unpublishing_archives_and_removes_from_the_public_site_and_lists()
    {
        var slug = ContentTestExtensions.UniqueSlug("ritiro");
        var item = await portal.CreateAvvisoAsync("Avviso da ritirare", slug);
        item = await Do(s => s.PublishAsync(item.Id, item.Revision, "test"));
        var client = portal.Anonymous();
        Assert.Contains("Avviso da ritirare", await client.GetStringAsync("/avvisi?q=ritirare"));
        item = await Do(s => s.UnpublishAsync(item.Id, item.Revision, "test"));
        Assert.Equal(ContentStatus.Archiviato, item.Status);
        Assert.Null(item.PublishedVersion);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/avvisi/{slug}")).StatusCode);
        Assert.DoesNotContain("Avviso da ritirare", await client.GetStringAsync("/avvisi?q=ritirare"));
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_a_new_draft_with_its_content_and_keeps_history()
    {
        var item = await portal.CreateAvvisoAsync("Prima stesura", ContentTestExtensions.UniqueSlug("ripristino"));
        item = await Do(s => s.SaveDraftAsync(item.Id, item.Revision, new ContentInput { Title = "Seconda stesura", Slug = item.Slug }, [], "test"));
        item = await Do(s => s.RestoreAsync(item.Id, 1, item.Revision, "test"));
        Assert.Equal(3, item.LatestVersion);
        Assert.Equal("Prima stesura", item.Title);
        var versions = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionsAsync(item.Id));
        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal("Ripristino della versione 1", versions[0].Note);
        Assert.Equal("Seconda stesura", versions[1].Title);
    }

    [Fact]
    public async Task A_stale_revision_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        var item = await portal.CreateAvvisoAsync("Concorrenza", ContentTestExtensions.UniqueSlug("conc"));
        var stale = item.Revision;
        await Do(s => s.SaveDraftAsync(item.Id, stale, new ContentInput { Title = "Modifica di Anna", Slug = item.Slug }, [], "anna"));
        var e = await Assert.ThrowsAsync<PortalException>(() =>
            Do(s => s.SaveDraftAsync(item.Id, stale, new ContentInput { Title = "Modifica di Marco", Slug = item.Slug }, [], "marco")));
        Assert.Contains("modificato da un'altra persona", e.Message);
        var versions = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionsAsync(item.Id));
        Assert.Equal(2, versions.Count);
        Assert.Equal("Modifica di Anna", versions[0].Title);
    }

    [Fact]
    public async Task Two_concurrent_saves_on_the_same_revision_leave_exactly_one_new_version()
    {
        var item = await portal.CreateAvvisoAsync("Gara", ContentTestExtensions.UniqueSlug("gara"));
        var tasks = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            try
            {
                await Do(s => s.SaveDraftAsync(item.Id, item.Revision, new ContentInput { Title = $"Versione {n}", Slug = item.Slug }, [], $"p{n}"));
                return true;
            }
            catch (PortalException) { return false; }
            catch (DbUpdateException) { return false; }
        })).ToList();
        var results = await Task.WhenAll(tasks);
        Assert.Equal(1, results.Count(r => r));
        var versions = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionsAsync(item.Id));
        Assert.Equal(2, versions.Count);
    }

    [Fact]
    public async Task Scheduled_publish_and_unpublish_happen_when_due_and_once()
    {
        var slug = ContentTestExtensions.UniqueSlug("programma");
        var item = await portal.CreateAvvisoAsync("Avviso programmato", slug);
        var now = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddHours(2);
        item = await Do(s => s.ScheduleAsync(item.Id, item.Revision, at, at.AddDays(1), "test"));
        Assert.NotNull(item.PublishAtUtc);

        Assert.Equal(0, await RunDueSchedulesAsync());
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/avvisi/{slug}")).StatusCode);

        portal.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.True(await RunDueSchedulesAsync() >= 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/avvisi/{slug}")).StatusCode);
        var published = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetItemAsync(item.Id));
        Assert.Null(published!.PublishAtUtc);
        Assert.Equal("pubblicazione programmata", published.ModifiedBy);

        portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await RunDueSchedulesAsync() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/avvisi/{slug}")).StatusCode);
        Assert.Equal(0, await RunDueSchedulesAsync());
    }

    [Fact]
    public async Task A_draft_saved_after_scheduling_does_not_go_live_unreviewed_when_the_schedule_fires()
    {
        var slug = ContentTestExtensions.UniqueSlug("programma-bozza");
        var item = await portal.CreateAvvisoAsync("Versione rivista", slug);
        var now = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddHours(2);
        item = await Do(s => s.ScheduleAsync(item.Id, item.Revision, at, null, "test"));
        item = await Do(s => s.SaveDraftAsync(item.Id, item.Revision, new ContentInput { Title = "Bozza non rivista", Slug = slug }, [], "test"));

        portal.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await RunDueSchedulesAsync();
        var after = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetItemAsync(item.Id));
        Assert.Null(after!.PublishedVersion);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync($"/avvisi/{slug}")).StatusCode);
        // The schedule was for the version the editor had in front of them: the newer draft ended it.
        Assert.Null(item.PublishAtUtc);
    }

    [Fact]
    public async Task Schedules_in_the_past_or_out_of_order_are_refused_per_field()
    {
        var item = await portal.CreateAvvisoAsync("Programmazione sbagliata", ContentTestExtensions.UniqueSlug("progerr"));
        var now = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        var e = await Assert.ThrowsAsync<PortalException>(() =>
            Do(s => s.ScheduleAsync(item.Id, item.Revision, now.AddDays(-1), now.AddDays(-2), "test")));
        Assert.Contains("futura", e.Errors["PublishAt"]);
        Assert.True(e.Errors.ContainsKey("UnpublishAt"));
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_and_what()
    {
        var item = await portal.CreateAvvisoAsync("Audit", ContentTestExtensions.UniqueSlug("audit"));
        await Do(s => s.PublishAsync(item.Id, item.Revision, "test"));
        var actions = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit
            .Where(a => a.Subject!.Contains(item.Id.ToString())).Select(a => a.Action).ToListAsync());
        Assert.Contains("Contenuto.Creato", actions);
        Assert.Contains("Contenuto.Pubblicato", actions);
    }

    [Fact]
    public async Task The_content_tables_hold_no_half_written_item_after_a_refused_create()
    {
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync());
        await Assert.ThrowsAsync<PortalException>(() => Do(s => s.CreateAsync(ContentTypes.Avviso,
            new ContentInput { Title = "Con allegato falso" }, [new NewAttachment("bando.pdf", new MemoryStream("non sono un pdf"u8.ToArray()), null)], "test")));
        var after = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync());
        Assert.Equal(before, after);
    }
}
