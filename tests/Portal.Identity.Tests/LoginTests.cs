using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Data;
using Portal.Identity.Model;

namespace Portal.Identity.Tests;

public class LoginTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    [Fact]
    public async Task The_login_page_offers_spid_and_cie_and_the_chooser_lists_the_idps_that_parsed()
    {
        var client = portal.Client();
        var accedi = WebUtility.HtmlDecode(await client.GetStringAsync("/accedi"));
        Assert.Contains("Entra con SPID", accedi);
        Assert.Contains("Entra con CIE", accedi);
        Assert.DoesNotContain("Entra con Cohesion", accedi);
        var chooser = WebUtility.HtmlDecode(await client.GetStringAsync("/saml2/spid?returnUrl=/avvisi"));
        Assert.Contains("IdP di prova", chooser);
        Assert.Contains("/saml2/login/testidp?returnUrl=%2Favvisi", chooser);
        // The IdP whose metadata file is missing is skipped, not a crash.
        Assert.DoesNotContain("rotto", chooser);
        Assert.DoesNotContain("malformato", chooser);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/saml2/login/rotto")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/saml2/login/malformato")).StatusCode);
    }

    [Fact]
    public async Task The_authn_request_follows_the_spid_profile_and_is_signed_over_the_query_string()
    {
        var client = portal.Client();
        var (request, redirect) = await portal.StartLoginAsync(client, "/avvisi", level: 3);
        Assert.StartsWith(TestIdp.SsoUrl + "?SAMLRequest=", redirect.AbsoluteUri, StringComparison.Ordinal);
        var root = request.DocumentElement!;
        Assert.Equal("AuthnRequest", root.LocalName);
        Assert.Equal(TestIdp.SsoUrl, root.GetAttribute("Destination"));
        Assert.Equal("true", root.GetAttribute("ForceAuthn"));
        Assert.Equal("0", root.GetAttribute("AttributeConsumingServiceIndex"));
        Assert.True(DateTimeOffset.TryParse(root.GetAttribute("IssueInstant"), out _));
        var xml = request.OuterXml;
        Assert.Contains("Comparison=\"minimum\"", xml);
        Assert.Contains("https://www.spid.gov.it/SpidL3", xml);
        Assert.Contains("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", xml);
        Assert.Contains($"NameQualifier=\"{SamlPortal.EntityId}\"", xml);

        // Signature per SAML bindings 3.4.4.1: over "SAMLRequest=...&SigAlg=..." as sent.
        var raw = redirect.Query.TrimStart('?');
        var signed = raw[..raw.IndexOf("&Signature=", StringComparison.Ordinal)];
        var query = HttpUtility.ParseQueryString(redirect.Query);
        Assert.Equal("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", query["SigAlg"]);
        var spCert = await SpCertificateAsync(client);
        using var rsa = spCert.GetRSAPublicKey()!;
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(signed), Convert.FromBase64String(query["Signature"]!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var pending = await db.PendingRequests.AsNoTracking().SingleAsync(r => r.Id == root.GetAttribute("ID"));
        Assert.Equal(("testidp", 3, "/avvisi", (DateTime?)null), (pending.IdpKey, pending.Level, pending.ReturnUrl, pending.ConsumedUtc));
    }

    [Fact]
    public async Task Level_one_does_not_force_authentication_and_an_external_return_url_is_not_kept()
    {
        var client = portal.Client();
        var (request, _) = await portal.StartLoginAsync(client, "https://evil.example/", level: 1);
        Assert.Equal("", request.DocumentElement!.GetAttribute("ForceAuthn"));
        Assert.Contains("https://www.spid.gov.it/SpidL1", request.OuterXml);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        Assert.Null((await db.PendingRequests.AsNoTracking().SingleAsync(r => r.Id == request.DocumentElement.GetAttribute("ID"))).ReturnUrl);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/saml2/login/testidp?livello=4")).StatusCode);
    }

    [Fact]
    public async Task The_generated_sp_key_is_kept_in_the_database_so_every_node_signs_with_the_same_one()
    {
        using var node1 = new SamlPortal();
        var first = await SpCertificateAsync(node1.Client());
        await using (var scope = node1.Factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().SpKeys.AsNoTracking().SingleAsync();
            using var fromDb = X509Certificate2.CreateFromPem(stored.CertificatePem);
            Assert.Equal(first.Thumbprint, fromDb.Thumbprint);
        }
        // A second node on the same database signs with the same key (disposing it twice drops the database twice: harmless).
        using var node2 = new SamlPortal(null, node1.Factory.Database);
        Assert.Equal(first.Thumbprint, (await SpCertificateAsync(node2.Client())).Thumbprint);
    }

    internal static async Task<X509Certificate2> SpCertificateAsync(HttpClient client)
    {
        var metadata = new System.Xml.XmlDocument();
        metadata.LoadXml(await client.GetStringAsync("/saml2/metadata"));
        var b64 = metadata.GetElementsByTagName("X509Certificate", "http://www.w3.org/2000/09/xmldsig#")
            .Cast<System.Xml.XmlElement>().First(e => e.ParentNode!.ParentNode!.ParentNode!.LocalName == "KeyDescriptor").InnerText;
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(b64));
    }
}
