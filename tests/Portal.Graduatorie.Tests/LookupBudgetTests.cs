using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Core.Security;
using Portal.Graduatorie.Services;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// "Verifica senza inviare" can tell which other Comune lists a student, so a person has a budget of dry runs per hour,
/// spent by the API and the operator page alike (issue 14, item 5).
/// </summary>
public class LookupBudgetTests : IClassFixture<LookupBudgetTests.SmallBudgetPortal>
{
    public sealed class SmallBudgetPortal() : PortalFactory(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:RateLimits:LookupsPerHour"] = "3" });

    private readonly SmallBudgetPortal _portal;

    public LookupBudgetTests(SmallBudgetPortal portal) => _portal = portal;

    private static MultipartFormDataContent ApiForm(UploadedFile file)
    {
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", file.FileName } };
    }

    private static async Task<HttpResponseMessage> PageDryRunAsync(HttpClient client, Guid finestra, string comune, UploadedFile file)
    {
        var token = await PortalClient.TokenAsync(client, $"/invio-elenchi/{finestra}?comune={comune}");
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(comune), "comune" }, { content, "Elenco", file.FileName } };
        return await client.PostAsync($"/invio-elenchi/{finestra}?handler=Verifica", form);
    }

    [Fact]
    public async Task The_api_and_the_page_spend_one_budget_per_person_and_say_when_it_is_spent()
    {
        var (finestra, _) = await _portal.CreateOpenFinestraAsync();
        var ancona = await _portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var api = $"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/verifica";

        Assert.Equal(HttpStatusCode.OK, (await ancona.PostAsync(api, ApiForm(Clean()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PageDryRunAsync(ancona, finestra, Ancona, Clean())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ancona.PostAsync(api, ApiForm(Clean()))).StatusCode);

        var refused = await ancona.PostAsync(api, ApiForm(Clean()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(LookupBudget.Exhausted, problem.GetProperty("detail").GetString());

        var page = await PageDryRunAsync(ancona, finestra, Ancona, Clean());
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(LookupBudget.Exhausted, html);
        Assert.DoesNotContain("Verifica senza invio del file", html);

        // Another person has their own budget; and an upload (which is kept and audited) is not a dry run.
        var pesaro = await _portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        Assert.Equal(HttpStatusCode.OK, (await pesaro.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Pesaro}/verifica", ApiForm(Clean()))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ancona.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/invii", ApiForm(Clean()))).StatusCode);
    }
}
