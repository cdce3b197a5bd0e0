using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Security.Tests;

/// <summary>The defects the fuzz test found and that were fixed, each pinned by name (the fuzz test finds them again too).</summary>
[Collection(SecurityCollection.Name)]
public sealed class RegressionTests
{
    private static SecurityPortal Portal => SecurityPortal.Shared;

    /// <summary>On PostgreSQL every search with "%00" failed with a 500 (22021): /api/v1/comuni, /api/v1/contenuti, /api/v1/admin/accreditamenti, /api/v1/registro-attivita.</summary>
    [Theory]
    [InlineData("/api/v1/comuni?q=%00", "q")]
    [InlineData("/api/v1/comuni?provincia=a%00b", "provincia")]
    [InlineData("/api/v1/avvisi?q=x%00", "q")]
    public async Task A_NUL_in_the_query_is_a_400_in_Italian_naming_the_field(string url, string field)
    {
        var response = await Portal.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Richiesta non valida", problem.GetProperty("title").GetString());
        Assert.Contains($"«{field}»", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NUL_in_a_page_query_is_a_400_not_a_500()
    {
        var response = await Portal.Anonymous().GetAsync("/avvisi?q=%00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>/errore/99999 set an impossible status (ArgumentOutOfRangeException); a POST with an unreadable code answered 500.</summary>
    [Theory]
    [InlineData("/errore/99999", HttpStatusCode.NotFound)]
    [InlineData("/errore/1", HttpStatusCode.NotFound)]
    [InlineData("/errore", HttpStatusCode.NotFound)]
    [InlineData("/errore/403", HttpStatusCode.Forbidden)]
    public async Task The_error_page_shows_only_error_statuses(string url, HttpStatusCode expected)
    {
        var client = Portal.Anonymous();
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
        // A posted field "code" that is not a number hides the route's code: the page is then not found, never a 500.
        var posted = await client.PostAsync(url, new FormUrlEncodedContent([new("code", "abc")]));
        Assert.True((int)posted.StatusCode is >= 400 and < 500, $"{(int)posted.StatusCode}");
    }

    /// <summary>Consenso=forse was read as "no consent" and the demo request was saved.</summary>
    [Fact]
    public async Task A_demo_request_with_an_unreadable_consent_is_not_saved()
    {
        var client = await Portal.LoginAsync(Demo.Cittadino);
        var before = await RowCounter.CountAsync(Portal);
        var token = await PortalClient.TokenAsync(client, "/richieste-di-prova");
        var response = await client.PostAsync("/richieste-di-prova?handler=Nuova", PortalClient.Form(token, ("Oggetto", "Richiesta"), ("Consenso", "forse")));
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
        Assert.Empty(RowCounter.Changes(before, await RowCounter.CountAsync(Portal)));
        // A readable request is still saved (the check is not a blanket refusal).
        var ok = await client.PostAsync("/richieste-di-prova?handler=Nuova", PortalClient.Form(token, ("Oggetto", "Richiesta"), ("Consenso", "true")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.NotEmpty(RowCounter.Changes(before, await RowCounter.CountAsync(Portal)));
    }

    /// <summary>(pagina − 1) × page size wrapped to a negative OFFSET: PostgreSQL refused it (500), SQLite showed the first page.</summary>
    [Theory]
    [InlineData("/admin/registro?pagina=2147483647")]
    [InlineData("/admin/notifiche/posta?pagina=2147483647")]
    [InlineData("/api/v1/registro-attivita?pagina=107374184")]
    [InlineData("/api/v1/registro-attivita?pagina=2147483647")]
    public async Task A_page_number_past_any_list_answers_an_empty_page_not_a_500(string url)
    {
        var client = await Portal.LoginAsync(Demo.Amministratore, global::Portal.Core.Security.PortalRoles.Amministratore);
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {url}");
        if (url.StartsWith("/api/", StringComparison.Ordinal))
            Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voci").GetArrayLength());
    }
}

