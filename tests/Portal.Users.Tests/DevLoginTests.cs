using System.Net;
using System.Net.Http.Json;
using Portal.Testing;

namespace Portal.Users.Tests;

public class DevLoginTests
{
    [Fact]
    public async Task The_development_login_does_not_exist_in_production_even_if_a_setting_asks_for_it()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Portal:PublicBaseUrl"] = "https://servizi.regione.example.it",
            ["Portal:DevLogin:Enabled"] = "true",
        });
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/accesso-di-prova")).StatusCode);
        Assert.DoesNotContain("Accesso di prova", await client.GetStringAsync("/accedi"));
        var testLogin = await client.PostAsJsonAsync("/api/v1/prova/accesso",
            new { codiceFiscale = Demo.Amministratore, nome = "Paola", cognome = "Neri", comuneResidenzaIstat = "042002" });
        Assert.Equal(HttpStatusCode.NotFound, testLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/sessione")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_it_is_off_unless_the_setting_enables_it()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:DevLogin:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync("/accesso-di-prova")).StatusCode);
        var testLogin = await portal.Anonymous().PostAsJsonAsync("/api/v1/prova/accesso",
            new { codiceFiscale = Demo.Cittadino, nome = "Mario", cognome = "Rossi", comuneResidenzaIstat = "042002" });
        Assert.Equal(HttpStatusCode.NotFound, testLogin.StatusCode);
    }

    [Fact]
    public async Task It_lists_the_demo_people_and_signs_in_with_the_same_claims_a_saml_login_gets()
    {
        using var portal = new PortalFactory();
        var html = await portal.Anonymous().GetStringAsync("/accesso-di-prova");
        Assert.Contains(Demo.OperatoreAncona, html);
        Assert.Contains("Operatore del Comune (Comune 042002)", html);
        var client = await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        var session = await client.GetStringAsync("/api/v1/sessione");
        Assert.Contains("\"ruolo\":\"OperatoreComune\"", session);
        Assert.Contains("Comune:042002", session);
        Assert.Contains("Comune:042018", session);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var portal = new PortalFactory();
        var client = await portal.LoginAsync(Demo.Cittadino);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessione")).StatusCode);
        var token = await PortalClient.LayoutTokenAsync(client);
        var r = await client.PostAsync("/esci", PortalClient.Form(token));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/sessione")).StatusCode);
    }
}
