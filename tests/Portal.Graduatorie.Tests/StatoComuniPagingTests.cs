using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Core.Security;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;
using static Portal.Graduatorie.Tests.RegioneTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// The Funzionario's status table of a Finestra (/admin/graduatorie/{id}): every Comune of the region, 50 a page, searched
/// by part of the name in the database; an operator of a Comune is refused it and chooses only among their own Comuni.
/// The expected Comuni are read from the ISTAT file the portal loads (../shared/data/comuni.csv).
/// </summary>
public partial class StatoComuniPagingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] RegionProvinces = ["AN", "AP", "FM", "MC", "PU"];

    private static string IstatFile => Path.Combine(RepoPaths.Shared ?? throw new InvalidOperationException("PORTAL_SHARED_DIR non impostata"), "data", "comuni.csv");

    /// <summary>The region's Comuni in the ISTAT file: code → name.</summary>
    private static Dictionary<string, string> RegionComuni() =>
        System.IO.File.ReadLines(IstatFile).Skip(1).Select(l => l.Split(';')).Where(f => RegionProvinces.Contains(f[2])).ToDictionary(f => f[0], f => f[1]);

    /// <summary>The whole ISTAT register, as a production portal loads it (the tests' recipe has a short list); idempotent.</summary>
    private async Task<Guid> ScenarioWithEveryComuneAsync()
    {
        var imported = await portal.InScopeAsync(async sp =>
        {
            await using var csv = System.IO.File.OpenRead(IstatFile);
            return await sp.GetRequiredService<Portal.Core.Comuni.ComuniImporter>().ImportAsync(csv);
        });
        Assert.Empty(imported.Errors);
        return await portal.ScenarioAsync();
    }

    private static List<string> Rows(string html) => RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_funzionario_pages_through_every_comune_of_the_region_fifty_at_a_time()
    {
        var finestra = await ScenarioWithEveryComuneAsync();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var expected = RegionComuni();
        Assert.Equal(228, expected.Count);
        var pages = (expected.Count + 49) / 50;

        var seen = new List<string>();
        for (var p = 1; p <= pages; p++)
        {
            var html = WebUtility.HtmlDecode(await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?pagina={p}"));
            var rows = Rows(html);
            Assert.Equal(p < pages ? 50 : expected.Count - 50 * (pages - 1), rows.Count);
            Assert.Contains($"<caption>{expected.Count} Comuni (tutti), pagina {p} di {pages}</caption>", html);
            Assert.Equal(p > 1, html.Contains(">Precedente</a>", StringComparison.Ordinal));
            Assert.Equal(p < pages, html.Contains(">Successiva</a>", StringComparison.Ordinal));
            Assert.Contains($"aria-current=\"page\"><span class=\"visually-hidden\">Pagina </span>{p}</a>", html);
            seen.AddRange(rows);
        }
        // Every Comune once across the pages, none of another region.
        Assert.Equal(expected.Keys.Order(), seen.Order());
        // The totals count the whole region, whatever the page.
        var last = await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?pagina={pages}");
        Assert.Contains("<li>Comuni della regione: 228</li>", last);
        Assert.Contains("<li>Con elenco valido: 2</li>", last);
        // A page past the end shows no row and says so, not an error.
        var beyond = WebUtility.HtmlDecode(await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?pagina=99"));
        Assert.Empty(Rows(beyond));
    }

    [Fact]
    public async Task The_name_search_runs_in_the_database_keeps_the_filter_and_pages_its_results()
    {
        var finestra = await ScenarioWithEveryComuneAsync();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var expected = RegionComuni().Where(c => c.Value.Contains("an", StringComparison.OrdinalIgnoreCase)).Select(c => c.Key).ToList();
        Assert.True(expected.Count is > 50 and <= 100, $"{expected.Count} Comuni con «an»");

        // Case does not matter; the search and the filter stay in the page links.
        var first = WebUtility.HtmlDecode(await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?filtro=tutti&nome=AN"));
        Assert.Contains($"<caption>{expected.Count} Comuni (tutti) il cui nome contiene «AN», pagina 1 di 2</caption>", first);
        Assert.Contains("value=\"AN\"", first);
        Assert.Contains("href=\"?filtro=tutti&nome=AN&pagina=2\"", first);
        var second = WebUtility.HtmlDecode(await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?filtro=tutti&nome=AN&pagina=2"));
        Assert.Equal(expected.Order(), Rows(first).Concat(Rows(second)).Order());

        // Only Pesaro among the Comuni with a valid list; Pesaro is not among those without one.
        var inviati = WebUtility.HtmlDecode(await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?filtro=inviati&nome=pes"));
        Assert.Equal([Pesaro], Rows(inviati));
        Assert.Contains("<caption>1 Comuni (con elenco valido) il cui nome contiene «pes»</caption>", inviati);
        var mancanti = WebUtility.HtmlDecode(await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?filtro=mancanti&nome=pesaro"));
        Assert.Empty(Rows(mancanti));
        Assert.Contains("Nessun Comune corrisponde alla ricerca.", mancanti);

        // Whatever is typed is a search word, not SQL or markup.
        var hostile = await funzionario.GetAsync($"/admin/graduatorie/{finestra}?nome={Uri.EscapeDataString("%' OR 1=1 --<b>")}");
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        var hostileHtml = await hostile.Content.ReadAsStringAsync();
        Assert.Empty(Rows(hostileHtml));
        Assert.DoesNotContain("<b>", hostileHtml);
    }

    [Fact]
    public async Task An_operator_is_refused_the_regional_table_and_chooses_only_among_their_own_comuni()
    {
        var finestra = await portal.ScenarioAsync();
        var ancona = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var refused = await ancona.GetAsync($"/admin/graduatorie/{finestra}?nome=pesaro");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/accesso-negato", refused.Headers.Location!.PathAndQuery);

        var own = WebUtility.HtmlDecode(await ancona.GetStringAsync($"/invio-elenchi/{finestra}"));
        var options = OptionPattern().Matches(own).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(Ancona, options);
        Assert.DoesNotContain(Pesaro, options);
        Assert.True(options.Count < 10, $"l'operatore vede {options.Count} Comuni");
        // Another Comune's page is refused, not shown.
        var other = await ancona.GetAsync($"/invio-elenchi/{finestra}?comune={Pesaro}");
        var otherHtml = WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Fabbri", otherHtml);
    }

    [GeneratedRegex("<th scope=\"row\">[^<]*<small class=\"text-muted\">\\((\\d{6})\\)</small></th>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<option value=\"(\\d{6})\"[^>]*>[^<]*\\(\\d{6}\\)</option>")]
    private static partial Regex OptionPattern();
}
