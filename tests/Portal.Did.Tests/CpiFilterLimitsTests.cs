using System.Net;
using System.Text.Json;

namespace Portal.Did.Tests;

/// <summary>The CPI list's filters at their limits: a date past the plausible range or a page too far is a field error, never a 500.</summary>
[Collection(DidCollection.Name)]
public sealed class CpiFilterLimitsTests(DidPortal portal)
{
    [Theory]
    [InlineData("al=31/12/9999", "al")]
    [InlineData("dal=31/12/9999", "dal")]
    [InlineData("dal=01/01/0001", "dal")]
    [InlineData("al=0001-01-01", "al")]
    public async Task A_date_outside_the_plausible_range_is_a_field_error_in_the_list_the_export_and_the_page(string query, string field)
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        foreach (var url in new[] { $"/api/v1/did/cpi/dichiarazioni?{query}", $"/api/v1/did/cpi/dichiarazioni/export?{query}" })
        {
            var r = await op.GetAsync(url);
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)r.StatusCode} {body}");
            var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
            Assert.Contains("La data deve essere compresa tra il 01/01/2000 e il 31/12/2100", message);
        }
        var page = await op.GetAsync($"/cpi/did?{query}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("La data deve essere compresa tra il 01/01/2000 e il 31/12/2100", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_page_number_too_large_is_a_field_error_in_the_list_and_the_page()
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        var r = await op.GetAsync("/api/v1/did/cpi/dichiarazioni?pagina=107374184");
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode} {body}");
        Assert.Contains("da 1 a 100.000", JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("pagina")[0].GetString());
        var page = await op.GetAsync("/cpi/did?pagina=107374184");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("da 1 a 100.000", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        // The last allowed page answers (empty).
        var last = await op.GetAsync("/api/v1/did/cpi/dichiarazioni?pagina=100000");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement.GetProperty("dichiarazioni").GetArrayLength());
    }
}
