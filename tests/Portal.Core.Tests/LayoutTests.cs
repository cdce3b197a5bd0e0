using System.Net;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>What every public page carries: the emblem and favicon, and a footer whose every link leads to a page.</summary>
public partial class LayoutTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_footer_link_opens_a_page_and_the_legal_pages_are_there()
    {
        var client = portal.Anonymous();
        var home = await client.GetStringAsync("/");
        var footer = home[home.IndexOf("<footer", StringComparison.Ordinal)..];
        var links = LocalLink().Matches(footer).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        foreach (var page in new[] { "/pagine/privacy", "/pagine/note-legali", "/pagine/dichiarazione-di-accessibilita", "/pagine/media-policy", "/pagine/cookie", "/pagine/api" })
            Assert.Contains(page, links);
        Assert.DoesNotContain("/openapi/v1.json", links);
        foreach (var link in links)
        {
            var r = await client.GetAsync(link);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{link}: {(int)r.StatusCode}");
        }
        var privacy = WebUtility.HtmlDecode(await client.GetStringAsync("/pagine/privacy"));
        Assert.Contains("Titolare del trattamento", privacy);
        Assert.Contains("rpd@regione.marche.it", privacy);
        Assert.Contains("href=\"/openapi/v1.json\"", await client.GetStringAsync("/pagine/api"));
    }

    [Fact]
    public async Task The_emblem_and_the_favicon_are_served()
    {
        var client = portal.Anonymous();
        var home = await client.GetStringAsync("/");
        Assert.Contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/_content/Portal.Theme/img/favicon.svg\"", home);
        foreach (var path in new[] { "/_content/Portal.Theme/img/favicon.svg", "/_content/Portal.Theme/img/stemma.svg" })
        {
            var r = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("image/svg+xml", r.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_persons_services_are_grouped_in_one_menu_so_the_bar_fits()
    {
        var anonymous = await portal.Anonymous().GetStringAsync("/");
        Assert.DoesNotContain("I miei servizi", anonymous);

        var operatore = await (await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune")).GetStringAsync("/");
        var menu = operatore[operatore.IndexOf("aria-labelledby=\"menu-servizi\"", StringComparison.Ordinal)..];
        menu = menu[..menu.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains("href=\"/invio-elenchi\"", menu);
        Assert.Contains("href=\"/operatori-comune\"", menu);
        var bar = operatore[..operatore.IndexOf("id=\"menu-servizi\"", StringComparison.Ordinal)];
        Assert.DoesNotContain("href=\"/invio-elenchi\"", bar[bar.IndexOf("Menu principale", StringComparison.Ordinal)..]);
        // Informational pages stay in the bar.
        Assert.Contains("<span>Avvisi</span>", bar);
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex LocalLink();
}
