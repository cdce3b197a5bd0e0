using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Contents.Tests;

/// <summary>The avvisi list, the site search (/cerca) and the home, searched and paged in the database on both providers.</summary>
public class SearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A word no demo content holds, so a test sees only what it published.</summary>
    private static string Token() => "zq" + Guid.NewGuid().ToString("N")[..8];

    private Task<ContentItem> PublishAsync(string type, string title, string? body = null, string? summary = null, string? categoria = null, string? slug = null) =>
        portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            var item = await s.CreateAsync(type, new ContentInput
            {
                Title = title, Slug = slug ?? ContentTestExtensions.UniqueSlug("cerca"), Summary = summary, Body = body, Categoria = categoria,
            }, [], "test");
            return await s.PublishAsync(item.Id, item.Revision, "test");
        });

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_word_finds_an_avviso_by_its_italian_stem_in_title_summary_or_body()
    {
        var token = Token();
        await PublishAsync(ContentTypes.Avviso, $"Contributo {token}", body: "La domanda si presenta solo on line.");
        var client = portal.Anonymous();
        // "domande" finds "domanda": PostgreSQL's Italian stemmer; on SQLite the light stem "domand" as a prefix.
        var html = await client.GetStringAsync($"/avvisi?q=domande+{token}");
        Assert.Contains($"Contributo {token}", html);
        Assert.Contains("1 avviso trovato", html);
        Assert.Contains($"Contributo {token}", await client.GetStringAsync($"/avvisi?q={token.ToUpperInvariant()}"));
        // Every word must be there.
        Assert.Contains("0 avvisi trovati", await client.GetStringAsync($"/avvisi?q=graduatoria+{token}"));
        if (portal.Database.Provider == DatabaseProvider.Postgres)
        {
            // Stems, not prefixes: "presentano" (they present) finds "presenta".
            Assert.Contains($"Contributo {token}", await client.GetStringAsync($"/avvisi?q=presentano+{token}"));
        }
        else
        {
            Assert.Contains($"Contributo {token}", await client.GetStringAsync($"/avvisi?q=present+{token}"));
        }
    }

    [Fact]
    public async Task The_list_is_paged_in_the_database_on_the_page_and_in_the_api_and_keeps_the_filters_in_its_links()
    {
        var token = Token();
        for (var i = 1; i <= 23; i++) await PublishAsync(ContentTypes.Avviso, $"Avviso numero {i} {token}", categoria: "Paginazione");
        var client = portal.Anonymous();
        var first = await client.GetStringAsync($"/avvisi?q={token}&categoria=Paginazione");
        Assert.Contains("23 avvisi trovati", first);
        Assert.Equal(10, CountOf(first, $" {token}</a>"));
        Assert.Contains($"?q={token}&amp;categoria=Paginazione&amp;stato=&amp;pagina=3", first);
        var third = await client.GetStringAsync($"/avvisi?q={token}&categoria=Paginazione&pagina=3");
        Assert.Equal(3, CountOf(third, $" {token}</a>"));
        Assert.Contains("aria-current=\"page\">3<", third);
        // Without a text: newest first, so the last published is on the first page.
        var newest = await client.GetStringAsync("/avvisi?categoria=Paginazione");
        Assert.Contains($"Avviso numero 23 {token}", newest);
        Assert.DoesNotContain($"Avviso numero 1 {token}<", newest);

        var api = await JsonAsync(client, $"/api/v1/avvisi?q={token}&pagina=2");
        Assert.Equal(23, api.GetProperty("totale").GetInt32());
        Assert.Equal(3, api.GetProperty("elementi").GetArrayLength());
        var beyond = await JsonAsync(client, $"/api/v1/avvisi?q={token}&pagina=99999");
        Assert.Equal(0, beyond.GetProperty("elementi").GetArrayLength());
        // Another category keeps the text filter: none of these.
        Assert.Contains("0 avvisi trovati", await client.GetStringAsync($"/avvisi?q={token}&categoria=Altro"));
    }

    [Fact]
    public async Task Only_published_versions_are_found_not_drafts_nor_withdrawn_items_nor_unpublished_edits()
    {
        var token = Token();
        var published = await PublishAsync(ContentTypes.Avviso, $"Pubblicato {token}", body: "testo pubblico");
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().CreateAsync(ContentTypes.Avviso,
            new ContentInput { Title = $"Bozza {token}", Slug = ContentTestExtensions.UniqueSlug("bozza") }, [], "test"));
        var withdrawn = await PublishAsync(ContentTypes.Avviso, $"Ritirato {token}");
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().UnpublishAsync(withdrawn.Id, withdrawn.Revision, "test"));
        // A new draft of the published one: its words are not public until it is published.
        var draftWord = Token();
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().SaveDraftAsync(published.Id, published.Revision,
            new ContentInput { Title = $"Pubblicato {token}", Slug = published.Slug, Body = $"testo nuovo {draftWord}" }, [], "test"));

        var client = portal.Anonymous();
        var html = await client.GetStringAsync($"/avvisi?q={token}");
        Assert.Contains("1 avviso trovato", html);
        Assert.Contains($"Pubblicato {token}", html);
        Assert.DoesNotContain($"Bozza {token}", html);
        Assert.DoesNotContain($"Ritirato {token}", html);
        Assert.Contains("0 avvisi trovati", await client.GetStringAsync($"/avvisi?q={draftWord}"));
        Assert.Contains("Nessun contenuto trovato", await client.GetStringAsync($"/cerca?q={draftWord}"));
        var site = await client.GetStringAsync($"/cerca?q={token}");
        Assert.Contains("1 contenuto trovato", site);

        await portal.InScopeAsync(async sp =>
        {
            var item = await sp.GetRequiredService<ContentQueries>().GetItemAsync(published.Id);
            return await sp.GetRequiredService<ContentService>().PublishAsync(published.Id, item!.Revision, "test");
        });
        Assert.Contains("1 avviso trovato", await client.GetStringAsync($"/avvisi?q={draftWord}"));
        Assert.Equal(1, await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().SearchEntries.CountAsync(e => e.ItemId == published.Id)));
    }

    [Theory]
    [InlineData("'; DROP TABLE contents_item; --")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("NEAR(domanda bonus)")]
    [InlineData("domanda OR bonus AND NOT")]
    [InlineData("Title:bonus")]
    [InlineData("bonus*")]
    [InlineData("(")]
    [InlineData("-bonus ^domanda")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("%_\\")]
    public async Task Query_text_is_never_sql_nor_search_syntax(string text)
    {
        var token = Token();
        await PublishAsync(ContentTypes.Avviso, $"Sicuro {token}");
        var client = portal.Anonymous();
        var q = Uri.EscapeDataString(text);
        foreach (var url in new[] { $"/avvisi?q={q}", $"/cerca?q={q}", $"/api/v1/avvisi?q={q}", $"/avvisi?q={q}+{token}", $"/cerca?q={q}+{token}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        // The operators are read as words: quotes around the token still find it, and the tables are all there.
        Assert.Contains($"Sicuro {token}", await client.GetStringAsync($"/avvisi?q={Uri.EscapeDataString($"\"{token}\"")}"));
        Assert.Contains($"Sicuro {token}", await client.GetStringAsync($"/cerca?q={Uri.EscapeDataString($"{token}*")}"));
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.AnyAsync()));
    }

    [Fact]
    public async Task An_empty_a_wordless_or_a_too_long_text_gets_an_italian_message_not_an_error()
    {
        var client = portal.Anonymous();
        var empty = await client.GetAsync("/cerca?q=");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Scrivi una o più parole da cercare.", await empty.Content.ReadAsStringAsync());
        var blank = await client.GetStringAsync("/cerca?q=+++");
        Assert.Contains("Scrivi una o più parole da cercare.", blank);
        Assert.Contains("aria-invalid=\"true\"", blank);
        Assert.Contains("Scrivi almeno una parola da cercare (lettere o numeri).", await client.GetStringAsync("/cerca?q=%21%21%3F"));
        // Just opening the page is no error.
        Assert.DoesNotContain("invalid-feedback", await client.GetStringAsync("/cerca"));

        var tooLong = new string('a', 150) + " " + new string('b', 150);
        foreach (var url in new[] { $"/cerca?q={tooLong}", $"/avvisi?q={tooLong}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Il testo da cercare può contenere al massimo 200 caratteri", await response.Content.ReadAsStringAsync());
        }
        var api = await client.GetAsync($"/api/v1/avvisi?q={tooLong}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("al massimo 200 caratteri", problem.GetProperty("errors").GetProperty("q")[0].GetString());
        // An empty text on the avvisi list is the whole list, not a message.
        Assert.DoesNotContain("invalid-feedback", await client.GetStringAsync("/avvisi?q="));
    }

    [Fact]
    public async Task The_site_search_finds_avvisi_pages_and_graduatorie_with_their_addresses_and_filters_by_type()
    {
        var token = Token();
        var avviso = await PublishAsync(ContentTypes.Avviso, $"Avviso sulle scuole {token}", summary: "Per le famiglie");
        var pagina = await PublishAsync(ContentTypes.Pagina, $"Pagina di aiuto {token}", body: "Come accedere ai servizi.");
        var graduatoria = await portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            var g = await s.CreateAsync(ContentTypes.Graduatoria, new ContentInput { Title = $"Graduatoria {token}", AvvisoId = avviso.Id }, [], "test");
            return await s.PublishAsync(g.Id, g.Revision, "test");
        });
        var client = portal.Anonymous();
        var html = await client.GetStringAsync($"/cerca?q={token}");
        Assert.Contains("3 contenuti trovati", html);
        Assert.Contains($"href=\"/avvisi/{avviso.Slug}\"", html);
        Assert.Contains($"href=\"/pagine/{pagina.Slug}\"", html);
        Assert.Contains($"href=\"/graduatorie/{graduatoria.Id}\"", html);
        Assert.Contains("Pagina informativa", html);
        var pages = await client.GetStringAsync($"/cerca?q={token}&tipo=pagine");
        Assert.Contains("1 contenuto trovato", pages);
        Assert.Contains($"Pagina di aiuto {token}", pages);
        Assert.Contains("value=\"pagine\" selected", pages);
        // The title weighs more than the body: the avviso whose title holds the word comes first.
        var scuole = await client.GetStringAsync($"/cerca?q=scuola+{token}");
        Assert.Contains($"Avviso sulle scuole {token}", scuole);
    }

    [Fact]
    public async Task The_header_has_a_labelled_search_form_that_leads_to_the_site_search()
    {
        var home = await portal.Anonymous().GetStringAsync("/");
        Assert.Matches("<form[^>]*action=\"/cerca\"[^>]*role=\"search\"", home);
        Assert.Contains("<label for=\"header-cerca\" class=\"visually-hidden\">Cerca nel sito</label>", home);
        Assert.Contains("id=\"header-cerca\" name=\"q\"", home);
        Assert.Contains("href=\"/cerca\" aria-label=\"Cerca nel sito\"", home);
    }

    [Fact]
    public async Task The_home_shows_the_newest_avvisi_limited_to_five()
    {
        var token = Token();
        for (var i = 1; i <= 6; i++) await PublishAsync(ContentTypes.Avviso, $"Recente {i} {token}");
        var home = await portal.Anonymous().GetStringAsync("/");
        Assert.Contains($"Recente 6 {token}", home);
        Assert.Contains($"Recente 2 {token}", home);
        Assert.DoesNotContain($"Recente 1 {token}", home);
    }

    [Fact]
    public async Task Withdrawing_an_avviso_takes_it_and_its_windows_out_of_the_open_filter()
    {
        var token = Token();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var avviso = await PublishAsync(ContentTypes.Avviso, $"Con finestra {token}");
        await portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            var f = await s.CreateAsync(ContentTypes.Finestra, new ContentInput { Title = "Aperta ora", AvvisoId = avviso.Id,
                OpensAt = Rome(now.AddDays(-1)), ClosesAt = Rome(now.AddDays(3)) }, [], "test");
            return await s.PublishAsync(f.Id, f.Revision, "test");
        });
        var client = portal.Anonymous();
        Assert.Contains($"Con finestra {token}", await client.GetStringAsync($"/avvisi?q={token}&stato=aperti"));
        Assert.Contains("0 avvisi trovati", await client.GetStringAsync($"/avvisi?q={token}&stato=chiusi"));
        Assert.Contains("0 avvisi trovati", await client.GetStringAsync($"/avvisi?q={token}&stato=in-arrivo"));
        portal.Clock.Advance(TimeSpan.FromDays(4));
        try
        {
            Assert.Contains($"Con finestra {token}", await client.GetStringAsync($"/avvisi?q={token}&stato=chiusi"));
        }
        finally
        {
            portal.Clock.Advance(TimeSpan.FromDays(-4));
        }
        var current = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetItemAsync(avviso.Id));
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().UnpublishAsync(avviso.Id, current!.Revision, "test"));
        Assert.Contains("0 avvisi trovati", await client.GetStringAsync($"/avvisi?q={token}&stato=aperti"));
    }

    private static DateTime Rome(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Portal.Core.Time.RomeTime.Zone);

    private static int CountOf(string html, string text)
    {
        var count = 0;
        for (var i = html.IndexOf(text, StringComparison.Ordinal); i >= 0; i = html.IndexOf(text, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
