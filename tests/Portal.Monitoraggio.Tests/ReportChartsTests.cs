using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Monitoraggio.Tests;

/// <summary>The reports' charts: Chart.js bundled by the build and served by the portal, each chart's data in the page next to its table.</summary>
public partial class ReportChartsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [GeneratedRegex("<figure data-grafico=\"([^\"]+)\"")]
    private static partial Regex Figure();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex Script();

    [Fact]
    public async Task The_reports_page_draws_its_charts_with_the_bundled_Chart_js_from_the_tables_data()
    {
        var funzionario = await portal.LoginAsync(Demo.Funzionario, Core.Security.PortalRoles.Funzionario);
        var html = await funzionario.GetStringAsync("/admin/monitoraggio");
        var scripts = Script().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/_content/Portal.Monitoraggio/lib/chart.js/chart.umd.min.js", scripts);
        Assert.Contains("/_content/Portal.Monitoraggio/monitoraggio-grafici.js", scripts);
        Assert.All(scripts, s => Assert.StartsWith("/", s)); // own scripts only (the CSP allows nothing else)
        foreach (var src in new[] { "/_content/Portal.Monitoraggio/lib/chart.js/chart.umd.min.js", "/_content/Portal.Monitoraggio/monitoraggio-grafici.js" })
        {
            var response = await funzionario.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("Chart.js v4", await funzionario.GetStringAsync("/_content/Portal.Monitoraggio/lib/chart.js/chart.umd.min.js"));

        // The demo feeds give the progress over five reference dates and the bars per measure.
        var charts = Figure().Matches(html).Select(m => JsonDocument.Parse(WebUtility.HtmlDecode(m.Groups[1].Value)).RootElement).ToList();
        var andamento = charts.Single(c => c.GetProperty("id").GetString() == "andamento");
        Assert.Equal("line", andamento.GetProperty("tipo").GetString());
        Assert.True(andamento.GetProperty("etichette").GetArrayLength() >= 5);
        Assert.Equal(["richiesto", "deliberato", "erogato"], andamento.GetProperty("serie").EnumerateArray().Select(s => s.GetProperty("chiave").GetString()));
        var misura = charts.Single(c => c.GetProperty("id").GetString() == "misura");
        Assert.Equal("bar", misura.GetProperty("tipo").GetString());
        // Each chart's labels are the rows of the table that follows it.
        foreach (var label in misura.GetProperty("etichette").EnumerateArray())
            Assert.Contains($"<tr><td>{label.GetString()}</td>", html);
        Assert.Contains("data-testid=\"tabella-andamento\"", html);
    }
}
