using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>An OperatoreComune sees the operators of their own Comuni only (Ancona demo operator against Pesaro).</summary>
public class ScopeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_ancona_operator_sees_the_operators_of_ancona_and_falconara_on_api_and_page()
    {
        var client = await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        var ancona = await client.GetFromJsonAsync<JsonElement>("/api/v1/comuni/042002/operatori");
        Assert.Contains(ancona.EnumerateArray(), o => o.GetProperty("cognome").GetString() == "Bianchi");
        Assert.DoesNotContain(ancona.EnumerateArray(), o => o.GetProperty("cognome").GetString() == "Marchetti");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/comuni/042018/operatori")).StatusCode);
        var index = await client.GetStringAsync("/operatori-comune");
        Assert.Contains("/operatori-comune/042002", index);
        Assert.Contains("/operatori-comune/042018", index);
        Assert.Contains("Bianchi Laura", await client.GetStringAsync("/operatori-comune/042002"));
    }

    [Fact]
    public async Task The_ancona_operator_gets_403_for_pesaro_on_api_and_page()
    {
        var client = await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        var api = await client.GetAsync("/api/v1/comuni/041044/operatori");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Operazione non consentita", problem.GetProperty("title").GetString());
        Assert.Equal("Non sei accreditato per questo Comune.", problem.GetProperty("detail").GetString());
        var page = await client.GetAsync("/operatori-comune/041044");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accesso-negato", page.Headers.Location!.PathAndQuery);
        var denied = await client.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task The_pesaro_operator_gets_403_for_ancona()
    {
        var client = await portal.LoginAsync(Demo.OperatorePesaro, "OperatoreComune");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/comuni/042002/operatori")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/comuni/041044/operatori")).StatusCode);
    }

    [Theory]
    [InlineData(Demo.Cittadino, null)]
    [InlineData(Demo.OperatoreAncona, "Cittadino")]
    [InlineData(Demo.OperatoreCpi, "OperatoreCpi")]
    public async Task Roles_other_than_operatore_comune_cannot_list_operators(string cf, string? role)
    {
        var client = await portal.LoginAsync(cf, role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/comuni/042002/operatori")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/operatori-comune/042002")).StatusCode);
    }

    [Fact]
    public async Task The_amministratore_may_list_the_operators_of_any_comune()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var pesaro = await client.GetFromJsonAsync<JsonElement>("/api/v1/comuni/041044/operatori");
        Assert.Contains(pesaro.EnumerateArray(), o => o.GetProperty("cognome").GetString() == "Marchetti");
    }

    [Fact]
    public async Task The_navigation_shows_accreditamenti_to_citizens_and_the_operators_page_to_operators()
    {
        var citizen = await portal.LoginAsync(Demo.Cittadino);
        var home = await citizen.GetStringAsync("/anagrafica");
        Assert.Contains("href=\"/accreditamenti\"", home);
        Assert.DoesNotContain("href=\"/operatori-comune\"", home);
        var op = await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        var opHome = await op.GetStringAsync("/anagrafica");
        Assert.Contains("href=\"/operatori-comune\"", opHome);
        Assert.DoesNotContain("href=\"/accreditamenti\"", opHome);
    }
}
