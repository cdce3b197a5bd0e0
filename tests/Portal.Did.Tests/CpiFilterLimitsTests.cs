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
    public async Task A_page_number_past_the_list_answers_an_empty_page_in_the_list_and_the_page()
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        // (pagina − 1) × size in 32 bits wrapped to a negative OFFSET: a 500 on PostgreSQL, the first page on SQLite.
        foreach (var pagina in new[] { 107374184, int.MaxValue })
        {
            var r = await op.GetAsync($"/api/v1/did/cpi/dichiarazioni?pagina={pagina}");
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode} {body}");
            Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("dichiarazioni").GetArrayLength());
            var page = await op.GetAsync($"/cpi/did?pagina={pagina}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        // A page below 1 is still a field error.
        var zero = await op.GetAsync("/api/v1/did/cpi/dichiarazioni?pagina=0");
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }
}
