using System.Net;
using System.Xml;

namespace Portal.Identity.Tests;

/// <summary>Responses signed by an independent implementation (xmlsec1): accepted when genuine, refused when wrapped.</summary>
public class XmlsecTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private (ResponseSpec Spec, XmlDocument Doc) SignedByXmlsec(string id, bool signResponse)
    {
        var spec = portal.Spec(id);
        var doc = TestSigner.SignWithXmlsec(SamlResponseBuilder.Build(spec), spec.AssertionId, TestIdp.Trusted);
        if (signResponse) doc = TestSigner.SignWithXmlsec(doc, spec.ResponseId, TestIdp.Trusted);
        return (spec, doc);
    }

    [Fact]
    public async Task A_response_signed_by_xmlsec1_logs_in()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client, "/graduatorie");
        var (_, doc) = SignedByXmlsec(id, signResponse: true);
        var response = await SamlPortal.PostAsync(client, SamlResponseBuilder.Encode(doc));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graduatorie", response.Headers.Location!.OriginalString);
        Assert.True(await SamlPortal.IsLoggedInAsync(client));
    }

    [Fact]
    public async Task Xmlsec1_signed_assertion_moved_and_replaced_by_an_evil_one()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var (spec, doc) = SignedByXmlsec(id, signResponse: false);
        var signed = TestSigner.FindById(doc, spec.AssertionId);
        var evil = (XmlElement)signed.CloneNode(true);
        evil.SetAttribute("ID", "_evil");
        ((XmlElement)evil.SelectSingleNode("//*[local-name()='Attribute'][@Name='fiscalNumber']/*")!).InnerText = "TINIT-RSSMRA80A01H501U";
        var extensions = doc.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
        doc.DocumentElement!.ReplaceChild(evil, signed);
        doc.DocumentElement.InsertBefore(extensions, doc.DocumentElement.ChildNodes.OfType<XmlElement>().First(e => e.LocalName == "Status"));
        extensions.AppendChild(signed);
        await portal.PostRefusedAsync(client, SamlResponseBuilder.Encode(doc), "2 Assertion");
    }

    [Fact]
    public async Task Xmlsec1_signed_assertion_with_its_reference_id_given_to_an_evil_copy()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var (spec, doc) = SignedByXmlsec(id, signResponse: false);
        var signed = TestSigner.FindById(doc, spec.AssertionId);
        // The evil copy keeps the signature (whose Reference is "#" + the genuine ID) but has another ID.
        var evil = (XmlElement)signed.CloneNode(true);
        evil.SetAttribute("ID", "_evil");
        ((XmlElement)evil.SelectSingleNode("//*[local-name()='Attribute'][@Name='fiscalNumber']/*")!).InnerText = "TINIT-RSSMRA80A01H501U";
        doc.DocumentElement!.ReplaceChild(evil, signed);
        await portal.PostRefusedAsync(client, SamlResponseBuilder.Encode(doc), "non punta all'elemento consumato");
    }

    [Fact]
    public async Task Xmlsec1_signed_response_wrapped_in_an_evil_response()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var (spec, genuine) = SignedByXmlsec(id, signResponse: true);
        var evil = SamlResponseBuilder.Build(spec with { ResponseId = "_evilresp", AssertionId = "_evilassert" });
        var extensions = evil.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
        evil.DocumentElement!.InsertAfter(extensions, evil.DocumentElement.FirstChild);
        extensions.AppendChild(evil.ImportNode(genuine.DocumentElement!, true));
        await portal.PostRefusedAsync(client, SamlResponseBuilder.Encode(evil), "2 Assertion");
    }

    [Fact]
    public async Task Xmlsec1_signed_assertion_followed_by_a_second_assertion()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var (spec, doc) = SignedByXmlsec(id, signResponse: false);
        var second = SamlResponseBuilder.Build(spec with { AssertionId = "_second" });
        doc.DocumentElement!.AppendChild(doc.ImportNode(TestSigner.FindById(second, "_second"), true));
        await portal.PostRefusedAsync(client, SamlResponseBuilder.Encode(doc), "2 Assertion");
    }
}
