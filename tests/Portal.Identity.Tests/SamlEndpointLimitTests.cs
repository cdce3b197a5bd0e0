using System.Net;
using System.Text;
using Portal.Testing;

namespace Portal.Identity.Tests;

/// <summary>The other SAML endpoints that read a form or a query: hostile input is refused, never a 500.</summary>
public class SamlEndpointLimitTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private async Task<HttpClient> LoggedInAsync()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await SamlPortal.PostAsync(client, SamlPortal.Signed(portal.Spec(id)))).StatusCode);
        return client;
    }

    public static TheoryData<string, string> HostileLogoutForms() => new()
    {
        { "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=v")) },
        { "application/x-www-form-urlencoded", "__RequestVerificationToken=" + new string('x', 2 * 1024 * 1024) },
        { "application/x-www-form-urlencoded", "__RequestVerificationToken=a%00b" },
        { "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n" },
    };

    [Theory]
    [MemberData(nameof(HostileLogoutForms))]
    public async Task A_logout_post_outside_the_form_limits_is_refused_and_the_session_stays(string contentType, string body)
    {
        var client = await LoggedInAsync();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await client.PostAsync("/saml2/logout", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/errore/400", response.Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
        // The real logout form still works.
        var logout = await client.PostAsync("/saml2/logout", PortalClient.Form(await PortalClient.LayoutTokenAsync(client)));
        Assert.StartsWith(TestIdp.SloUrl, logout.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_single_logout_query_gets_400_with_the_italian_page_and_is_audited()
    {
        var client = await LoggedInAsync();
        var before = await portal.LastAuditIdAsync();
        var response = await client.GetAsync("/saml2/slo?SAMLRequest=" + new string('A', 20 * 1024) + "&SigAlg=x&Signature=y");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("La richiesta di uscita ricevuta dall'identity provider non è valida", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
        await portal.AssertRefusalAuditedSinceAsync(before, "Query string troppo lunga", "Uscita.Rifiutata");
    }

    [Theory]
    [InlineData("SAMLRequest=%00&SigAlg=%00&Signature=%00")]
    [InlineData("SAMLRequest=a&SAMLRequest=b&RelayState=%ZZ&SigAlg=&Signature=!!")]
    public async Task A_malformed_single_logout_query_ends_nothing_and_goes_home(string query)
    {
        var client = await LoggedInAsync();
        var response = await client.GetAsync("/saml2/slo?" + query + "&" + string.Join('&', Enumerable.Range(0, 2000).Select(i => $"p{i}=v")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
    }
}
