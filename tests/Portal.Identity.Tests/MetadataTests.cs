using System.Security.Cryptography.Xml;
using System.Xml;

namespace Portal.Identity.Tests;

public class MetadataTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private const string Md = "urn:oasis:names:tc:SAML:2.0:metadata";

    [Fact]
    public async Task The_sp_metadata_is_well_formed_signed_with_the_sp_key_and_names_the_acs()
    {
        var client = portal.Client();
        var response = await client.GetAsync("/saml2/metadata");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/samlmetadata+xml", response.Content.Headers.ContentType!.MediaType);
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(await response.Content.ReadAsStringAsync());
        var root = doc.DocumentElement!;
        Assert.Equal(("EntityDescriptor", SamlPortal.EntityId), (root.LocalName, root.GetAttribute("entityID")));

        var signature = (XmlElement)doc.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!;
        Assert.Same(root, signature.ParentNode);
        var signed = new SignedXml(doc);
        signed.LoadXml(signature);
        Assert.Equal("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", signed.SignatureMethod);
        Assert.Equal(SignedXml.XmlDsigExcC14NTransformUrl, signed.SignedInfo!.CanonicalizationMethod);
        Assert.Equal("#" + root.GetAttribute("ID"), ((Reference)signed.SignedInfo.References[0]!).Uri);
        var spCert = await LoginTests.SpCertificateAsync(client);
        Assert.True(signed.CheckSignature(spCert, verifySignatureOnly: true));

        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("md", Md);
        var sso = (XmlElement)root.SelectSingleNode("md:SPSSODescriptor", ns)!;
        Assert.Equal(("true", "true"), (sso.GetAttribute("AuthnRequestsSigned"), sso.GetAttribute("WantAssertionsSigned")));
        Assert.Equal("signing", ((XmlElement)sso.SelectSingleNode("md:KeyDescriptor", ns)!).GetAttribute("use"));
        var acs = (XmlElement)sso.SelectSingleNode("md:AssertionConsumerService", ns)!;
        Assert.Equal((SamlPortal.AcsUrl, "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "0"),
            (acs.GetAttribute("Location"), acs.GetAttribute("Binding"), acs.GetAttribute("index")));
        Assert.Equal(SamlPortal.BaseUrl + "/saml2/slo", ((XmlElement)sso.SelectSingleNode("md:SingleLogoutService", ns)!).GetAttribute("Location"));
        Assert.Equal("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", sso.SelectSingleNode("md:NameIDFormat", ns)!.InnerText);
        var requested = sso.SelectNodes("md:AttributeConsumingService[@index='0']/md:RequestedAttribute", ns)!
            .Cast<XmlElement>().Select(e => e.GetAttribute("Name")).ToList();
        Assert.Equal(["fiscalNumber", "name", "familyName", "dateOfBirth", "placeOfBirth", "email", "mobilePhone"], requested);
        Assert.NotNull(root.SelectSingleNode("md:Organization/md:OrganizationName", ns));
        Assert.NotNull(root.SelectSingleNode("md:ContactPerson/md:EmailAddress", ns));
    }
}
