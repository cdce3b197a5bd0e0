using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Saml;

namespace Portal.Identity.Tests;

/// <summary>An IdP tells the portal that the person logged out elsewhere (SAML single logout, HTTP-Redirect).</summary>
public class IdpInitiatedLogoutTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private const string SloPath = "/saml2/slo";

    private async Task<(HttpClient Client, string NameId)> LoggedInAsync()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var response = SamlPortal.Signed(portal.Spec(id));
        Assert.Equal(HttpStatusCode.Redirect, (await SamlPortal.PostAsync(client, response)).StatusCode);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String(response));
        return (client, Regex.Match(xml, "<saml:NameID[^>]*>([^<]+)</saml:NameID>").Groups[1].Value);
    }

    private string Request(string id, string nameId, string? destination = null, DateTimeOffset? at = null) => $"""
        <samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{id}" Version="2.0" IssueInstant="{SamlMessages.Instant(at ?? portal.Now)}" Destination="{destination ?? SamlPortal.BaseUrl + SloPath}"><saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{TestIdp.EntityId}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" NameQualifier="{TestIdp.EntityId}">{nameId}</saml:NameID></samlp:LogoutRequest>
        """;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string xml, TestIdp signer)
    {
        var url = new Uri(RedirectBinding.BuildUrl(SamlPortal.BaseUrl + SloPath, "SAMLRequest", xml, signer.Certificate, "stato-idp"));
        return client.GetAsync(url.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_logout_request_for_this_session_ends_it_and_answers_the_idp_with_a_signed_success()
    {
        var (client, nameId) = await LoggedInAsync();

        var answer = await SendAsync(client, Request("_req1", nameId), TestIdp.Trusted);

        Assert.False(await SamlPortal.IsLoggedInAsync(client));
        var location = answer.Headers.Location!;
        Assert.StartsWith(TestIdp.SloUrl + "?SAMLResponse=", location.AbsoluteUri, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("stato-idp", query["RelayState"]);
        Assert.NotNull(query["Signature"]);
        var response = RedirectBinding.Inflate(query["SAMLResponse"]!);
        Assert.Contains("InResponseTo=\"_req1\"", response, StringComparison.Ordinal);
        Assert.Contains("urn:oasis:names:tc:SAML:2.0:status:Success", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logout_request_signed_by_another_key_unsigned_stale_misaddressed_or_for_another_nameid_ends_nothing()
    {
        var (client, nameId) = await LoggedInAsync();

        Assert.Equal("/", (await SendAsync(client, Request("_x1", nameId), TestIdp.Stranger)).Headers.Location!.OriginalString);
        var unsigned = $"{SloPath}?SAMLRequest={Uri.EscapeDataString(RedirectBinding.Deflate(Request("_x2", nameId)))}";
        Assert.Equal("/", (await client.GetAsync(unsigned)).Headers.Location!.OriginalString);
        await SendAsync(client, Request("_x3", nameId, at: portal.Now.AddMinutes(-10)), TestIdp.Trusted);
        await SendAsync(client, Request("_x4", nameId, destination: "https://altro.example/saml2/slo"), TestIdp.Trusted);
        // Properly signed but for somebody else's session: the IdP gets its answer, this session stays.
        var other = await SendAsync(client, Request("_x5", "_un-altro-nameid"), TestIdp.Trusted);
        Assert.StartsWith(TestIdp.SloUrl, other.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);

        Assert.True(await SamlPortal.IsLoggedInAsync(client));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var refusals = await scope.ServiceProvider.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Action == "Uscita.Rifiutata").Select(a => a.Details).ToListAsync();
        Assert.Contains(refusals, d => d!.Contains("firma assente", StringComparison.Ordinal));
        Assert.Contains(refusals, d => d!.Contains("IssueInstant", StringComparison.Ordinal));
        Assert.Contains(refusals, d => d!.Contains("Destination", StringComparison.Ordinal));
    }
}
