using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.DevIdp.Services;
using Portal.Testing;

namespace Portal.DevIdp.Tests;

/// <summary>The test IdP exists only in Development with Portal:DevIdp:Enabled: never in Production, not in Testing.</summary>
public class DevIdpAbsenceTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_development_the_test_idp_is_absent_even_when_the_setting_asks_for_it(string environment)
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = environment,
            ["Portal:DevIdp:Enabled"] = "true",
            ["Portal:PublicBaseUrl"] = "https://servizi.regione.example",
            ["Portal:Identity:ServiceProvider:BaseUrl"] = "https://servizi.regione.example",
        });
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.False(portal.Services.GetRequiredService<DevIdpSwitch>().Enabled);
        foreach (var kind in new[] { "spid", "cie", "cohesion" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dev-idp/{kind}/metadata")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dev-idp/{kind}/sso?SAMLRequest=x")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/dev-idp/{kind}/sso", new FormUrlEncodedContent([new("SAMLRequest", "x")]))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dev-idp/{kind}/accesso?richiesta=x")).StatusCode);
        }
        Assert.False(portal.Services.GetRequiredService<DevIdpKeys>().Generated);
        var accedi = WebUtility.HtmlDecode(await client.GetStringAsync("/accedi"));
        Assert.DoesNotContain("di prova (portale)", accedi);
        Assert.DoesNotContain("/saml2/login/", accedi);
    }

    [Fact]
    public async Task In_development_without_the_setting_the_test_idp_is_absent()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Portal:DevIdp:Enabled"] = "false",
            ["Portal:Identity:ServiceProvider:BaseUrl"] = DevIdpPortal.BaseUrl,
        });
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.False(portal.Services.GetRequiredService<DevIdpSwitch>().Enabled);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev-idp/spid/metadata")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev-idp/spid/accesso?richiesta=x")).StatusCode);
    }
}
