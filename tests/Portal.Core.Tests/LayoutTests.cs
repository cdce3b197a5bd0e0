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

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex LocalLink();
}
