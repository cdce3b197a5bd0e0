using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Contracts;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Time;
using Portal.Testing;

namespace Portal.Contents.Tests;

public class FinestreAndBannerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static DateTime RomeLocal(DateTime utc)
    {
        var r = RomeTime.ToRome(utc);
        return new DateTime(r.Year, r.Month, r.Day, r.Hour, r.Minute, 0);
    }

    private async Task<(Guid Avviso, Guid Finestra, DateTime OpensUtc, DateTime ClosesUtc)> CreateWindowAsync(DateTime opensLocal, DateTime closesLocal)
    {
        var avviso = await portal.CreateAvvisoAsync("Avviso con finestra", ContentTestExtensions.UniqueSlug("finestra"));
        return await portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            await s.PublishAsync(avviso.Id, null, "test");
            var f = await s.CreateAsync(ContentTypes.Finestra, new ContentInput { Title = "Finestra unica", AvvisoId = avviso.Id, OpensAt = opensLocal, ClosesAt = closesLocal }, [], "test");
            await s.PublishAsync(f.Id, null, "test");
            var info = await sp.GetRequiredService<IFinestre>().GetAsync(f.Id);
            return (avviso.Id, f.Id, info!.OpensAtUtc, info.ClosesAtUtc);
        });
    }

    private Task<FinestraState?> StateNowAsync(Guid id) => portal.InScopeAsync(sp => sp.GetRequiredService<IFinestre>().StateNowAsync(id));

    [Fact]
    public async Task The_core_contract_answers_futura_aperta_chiusa_at_the_boundaries_from_the_server_clock()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var (_, id, opens, closes) = await CreateWindowAsync(RomeLocal(now).AddHours(1), RomeLocal(now).AddHours(3));
        portal.Clock.SetUtcNow(new DateTimeOffset(opens.AddSeconds(-1)));
        Assert.Equal(FinestraState.Futura, await StateNowAsync(id));
        portal.Clock.SetUtcNow(new DateTimeOffset(opens));
        Assert.Equal(FinestraState.Aperta, await StateNowAsync(id));
        portal.Clock.SetUtcNow(new DateTimeOffset(closes.AddSeconds(-1)));
        Assert.Equal(FinestraState.Aperta, await StateNowAsync(id));
        portal.Clock.SetUtcNow(new DateTimeOffset(closes));
        Assert.Equal(FinestraState.Chiusa, await StateNowAsync(id));
        portal.Clock.SetUtcNow(new DateTimeOffset(closes.AddSeconds(1)));
        Assert.Equal(FinestraState.Chiusa, await StateNowAsync(id));
        portal.Clock.SetUtcNow(new DateTimeOffset(now));
    }

    [Fact]
    public async Task A_window_on_the_spring_change_day_is_stored_in_utc_correctly()
    {
        var (_, id, opens, closes) = await CreateWindowAsync(new DateTime(2030, 3, 30, 1, 30, 0), new DateTime(2030, 3, 31, 3, 30, 0));
        Assert.Equal(new DateTime(2030, 3, 30, 0, 30, 0, DateTimeKind.Utc), opens);   // CET, +1
        Assert.Equal(new DateTime(2030, 3, 31, 1, 30, 0, DateTimeKind.Utc), closes);  // CEST, +2 (clocks jumped at 02:00)
        Assert.NotEqual(default, id);
    }

    [Fact]
    public async Task A_window_time_that_does_not_exist_in_italy_is_refused_on_its_field()
    {
        var avviso = await portal.CreateAvvisoAsync("Avviso ora legale", ContentTestExtensions.UniqueSlug("dst"));
        var e = await Assert.ThrowsAsync<PortalException>(() => portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>()
            .CreateAsync(ContentTypes.Finestra, new ContentInput { Title = "F", AvvisoId = avviso.Id, OpensAt = new DateTime(2030, 3, 31, 2, 30, 0), ClosesAt = new DateTime(2030, 4, 30, 12, 0, 0) }, [], "test")));
        Assert.Contains("non esiste in Italia", e.Errors["OpensAt"]);
    }

    [Fact]
    public async Task A_window_must_close_after_it_opens_and_belong_to_an_avviso()
    {
        var e = await Assert.ThrowsAsync<PortalException>(() => portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>()
            .CreateAsync(ContentTypes.Finestra, new ContentInput { Title = "F", OpensAt = new DateTime(2030, 5, 5, 9, 0, 0), ClosesAt = new DateTime(2030, 5, 5, 9, 0, 0), Budget = "12,3,4" }, [], "test")));
        Assert.Equal("La chiusura deve essere successiva all'apertura.", e.Errors["ClosesAt"]);
        Assert.Equal("Scegliere l'avviso a cui appartiene.", e.Errors["AvvisoId"]);
        Assert.Contains("non valido", e.Errors["Budget"]);
    }

    [Fact]
    public async Task The_avviso_page_shows_each_window_with_its_state()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var avviso = await portal.CreateAvvisoAsync("Avviso con tre finestre", ContentTestExtensions.UniqueSlug("tre"));
        await portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            await s.PublishAsync(avviso.Id, null, "test");
            foreach (var (name, from, to) in new[] { ("Passata", -10, -5), ("Corrente", -1, 5), ("Futura", 10, 20) })
            {
                var f = await s.CreateAsync(ContentTypes.Finestra, new ContentInput { Title = name, AvvisoId = avviso.Id, OpensAt = RomeLocal(now.AddDays(from)), ClosesAt = RomeLocal(now.AddDays(to)) }, [], "test");
                await s.PublishAsync(f.Id, null, "test");
            }
            return 0;
        });
        var html = await portal.Anonymous().GetStringAsync($"/avvisi/{avviso.Slug}");
        Assert.Matches("Passata[\\s\\S]*?Chiusa", html);
        Assert.Matches("Corrente[\\s\\S]*?Aperta", html);
        Assert.Matches("Futura[\\s\\S]*?Di prossima apertura", html);
        var aperti = await portal.Anonymous().GetStringAsync("/avvisi?stato=aperti&q=tre+finestre");
        Assert.Contains("Avviso con tre finestre", aperti);
    }

    [Fact]
    public async Task A_service_banner_is_shown_on_every_page_only_inside_its_period()
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var text = "Manutenzione straordinaria " + Guid.NewGuid().ToString("N")[..6];
        await portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            var b = await s.CreateAsync(ContentTypes.AvvisoServizio, new ContentInput { Title = text, Gravita = "critico", From = RomeLocal(now.AddHours(1)), To = RomeLocal(now.AddHours(3)) }, [], "test");
            await s.PublishAsync(b.Id, null, "test");
            return 0;
        });
        var client = portal.Anonymous();
        Assert.DoesNotContain(text, await client.GetStringAsync("/"));
        portal.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        foreach (var page in new[] { "/", "/avvisi", "/pagine/come-accedere", "/accedi" })
            Assert.Contains(text, await client.GetStringAsync(page));
        Assert.Contains(text, await client.GetStringAsync("/api/v1/avvisi-servizio"));
        portal.Clock.Advance(TimeSpan.FromHours(2));
        Assert.DoesNotContain(text, await client.GetStringAsync("/"));
        portal.Clock.SetUtcNow(new DateTimeOffset(now));
    }

    [Fact]
    public async Task The_home_shows_each_service_with_its_open_window()
    {
        var html = System.Net.WebUtility.HtmlDecode(await portal.Anonymous().GetStringAsync("/"));
        var seconda = await portal.InScopeAsync(async sp =>
        {
            var bonus = await sp.GetRequiredService<ContentQueries>().GetPublishedBySlugAsync(ContentTypes.Avviso, "bonus-ddi-2021");
            return (await sp.GetRequiredService<IFinestre>().ForAvvisoAsync(bonus!.Item.Id)).Single(f => f.Nome == "Seconda finestra");
        });
        var card = html[html.IndexOf("Avviso pubblico Bonus DDI 2021", StringComparison.Ordinal)..];
        Assert.Matches($@"^[^<]*</a></h3>[\s\S]*?Aperta</span>\s*fino al {System.Text.RegularExpressions.Regex.Escape(RomeTime.Format(seconda.ClosesAtUtc))}", card);
    }
}
