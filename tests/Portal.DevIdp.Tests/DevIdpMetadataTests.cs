using System.Xml;
using Portal.DevIdp.Model;
using Portal.DevIdp.Services;

namespace Portal.DevIdp.Tests;

public class DevIdpMetadataTests(DevIdpPortal portal) : IClassFixture<DevIdpPortal>
{
    [Theory]
    [InlineData("spid")]
    [InlineData("cie")]
    [InlineData("cohesion")]
    public async Task Each_entity_publishes_signed_metadata_with_its_entity_id_signing_key_and_both_sso_bindings(string kind)
    {
        var response = await portal.Browser().GetAsync($"/dev-idp/{kind}/metadata");
        Assert.Equal("application/samlmetadata+xml", response.Content.Headers.ContentType!.MediaType);
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(await response.Content.ReadAsStringAsync());
        var root = doc.DocumentElement!;
        Assert.Equal($"{DevIdpPortal.BaseUrl}/dev-idp/{kind}/metadata", root.GetAttribute("entityID"));
        var sso = root.GetElementsByTagName("SingleSignOnService", SamlXml.Metadata).OfType<XmlElement>()
            .ToDictionary(e => e.GetAttribute("Binding"), e => e.GetAttribute("Location"));
        Assert.Equal($"{DevIdpPortal.BaseUrl}/dev-idp/{kind}/sso", sso[SamlXml.HttpRedirect]);
        Assert.Equal($"{DevIdpPortal.BaseUrl}/dev-idp/{kind}/sso", sso[SamlXml.HttpPost]);
        // The Identity module's own parser reads it as it reads any IdP's.
        var parsed = Portal.Identity.Providers.IdpMetadataParser.Parse(new Portal.Identity.IdentityProviderOptions { Key = "x", Kind = kind }, doc.OuterXml);
        var certificate = Assert.Single(parsed.SigningCertificates);
        Assert.True(DevIdpLoginTests.SignatureValid(root, certificate));
        // One key per process, the same for the three entities and for every read (the SP refreshes from here).
        Assert.Equal(certificate.Thumbprint, (await new DevIdpLoginTests(portal).MetadataCertificateAsync("spid")).Thumbprint);
    }

    [Theory]
    [InlineData("RSSMRA80A01H501U", "1980-01-01")]
    [InlineData("VLNSFO91H54A271K", "1991-06-14")]
    [InlineData("BNCGLI05C52H501X", "2005-03-12")]
    [InlineData("RSSMRA8MA01H501U", "1981-01-01")]
    public void The_date_of_birth_sent_is_the_one_the_codice_fiscale_encodes(string cf, string expected) =>
        Assert.Equal(expected, ResponseWriter.DateOfBirth(cf));

    [Fact]
    public void Every_kind_has_its_own_paths() =>
        Assert.Equal(["/dev-idp/spid/sso", "/dev-idp/cie/sso", "/dev-idp/cohesion/sso"], DevIdpKind.All.Select(k => k.SsoPath));
}
