using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Pages.Core;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>The security issue's host-level findings: open redirect, headers, TRACE, unreadable requests, CSRF on the API.</summary>
public class HttpHardeningTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nLocation: http://evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/\u202E/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/a\\..\\..\\evil")]
    [InlineData("http://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("")]
    public void Return_addresses_that_a_browser_could_read_as_another_site_are_dropped(string url) => Assert.Null(LocalUrl.OrNull(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/anagrafica?returnUrl=%2Finvio-elenchi")]
    [InlineData("/invio-elenchi/3f1c2b9e-0000-4000-8000-000000000001?comune=042002#storico")]
    public void Local_paths_are_kept(string url) => Assert.Equal(url, LocalUrl.OrNull(url));

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("%2F%0D%0ALocation:%20http://evil.example")]
    [InlineData("%2F%E3%80%80%2Fevil.example")]
    public async Task The_development_login_never_redirects_off_site_and_never_fails(string encodedReturnUrl)
    {
        var client = portal.Anonymous();
        var page = await client.GetAsync($"/accesso-di-prova?returnUrl={encodedReturnUrl}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("evil.example", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var token = await PortalClient.TokenAsync(client, "/accesso-di-prova");
        var personId = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Persons
            .Where(p => p.CodiceFiscale == Demo.Cittadino).Select(p => p.Id).SingleAsync());
        var posted = await client.PostAsync($"/accesso-di-prova?returnUrl={encodedReturnUrl}", PortalClient.Form(token, ("personId", personId.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("evil", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/", posted.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_carry_the_hardening_headers_and_no_server_banner()
    {
        var client = portal.Anonymous();
        var home = await client.GetAsync("/");
        Assert.True(home.Headers.Contains("Permissions-Policy"));
        Assert.False(home.Headers.Contains("Server"));
        var api = await client.GetAsync("/api/v1/avvisi");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(api.Headers.CacheControl?.NoStore, "Le risposte dell'API (dati personali) non vanno conservate in cache.");
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("TRACK")]
    public async Task Trace_is_not_served(string method)
    {
        var response = await portal.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/avvisi?pagina=abc", "pagina")]
    [InlineData("/api/v1/avvisi?pagina=99999999999999999999", "pagina")]
    [InlineData("/api/v1/finestre/non-un-guid", null)]
    public async Task A_query_the_API_cannot_read_is_a_400_in_Italian_naming_the_field(string url, string? field)
    {
        var response = await portal.Anonymous().GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        if (field is null) return;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Richiesta non valida", problem.GetProperty("title").GetString());
        Assert.Contains($"«{field}»", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ non json")]
    [InlineData("{\"nome\": ")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task A_body_the_API_cannot_read_is_a_400_in_Italian(string body)
    {
        var client = await portal.LoginAsync(Demo.Cittadino);
        var response = await client.PutAsync("/api/v1/profilo", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Richiesta non valida", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Failed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_fields_with_NUL_bytes_or_without_a_token_are_refused_not_failed()
    {
        var client = portal.Anonymous();
        foreach (var path in new[] { "/accesso-di-prova", "/verifica", "/accedi", "/scelta-ruolo" })
        {
            var response = await client.PostAsync(path, new StringContent("a=b%00c&__RequestVerificationToken=%00", Encoding.ASCII, "application/x-www-form-urlencoded"));
            Assert.True((int)response.StatusCode is >= 400 and < 500 or 302, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_page_upload_over_the_limit_is_refused_with_the_Italian_page_not_a_500()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[31 * 1024 * 1024]), "file", "grande.csv" } };
        var response = await client.PostAsync("/admin/ricette", form);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("Origin", "http://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("Origin", "http://localhost:8081", HttpStatusCode.Forbidden)]
    [InlineData("Sec-Fetch-Site", "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("Sec-Fetch-Site", "same-site", HttpStatusCode.Forbidden)]
    public async Task A_cookie_authenticated_API_write_from_another_site_is_refused(string header, string value, HttpStatusCode expected)
    {
        var client = await portal.LoginAsync(Demo.Cittadino);
        var before = await AuditRowsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/profilo") { Content = JsonContent.Create(new { versione = 0 }) };
        request.Headers.TryAddWithoutValidation(header, value);
        var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await AuditRowsAsync());
    }

    [Fact]
    public async Task A_cookie_authenticated_API_write_with_a_body_a_form_can_send_is_refused()
    {
        var client = await portal.LoginAsync(Demo.Cittadino);
        var response = await client.PutAsync("/api/v1/profilo", new StringContent("{\"versione\":0}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task The_portal_pages_own_calls_pass()
    {
        var client = await portal.LoginAsync(Demo.Cittadino);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/profilo") { Content = JsonContent.Create(new { versione = 0 }) };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost");
        var response = await client.SendAsync(request);
        // Not refused by the origin check: the Anagrafica itself answers (here, with its validation errors).
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private Task<int> AuditRowsAsync() => portal.InScopeAsync(async sp =>
        await sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.CountAsync());
}
