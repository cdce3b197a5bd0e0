using System.Text;
using System.Xml;

namespace Portal.Identity.Tests;

/// <summary>One test per hostile response: each is refused with no session, the Italian error page and an audit entry.</summary>
public class HostileResponseTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private async Task RefusedAsync(Func<string, string> buildResponse, string reasonFragment, string expectedText = SamlPortal.GenericRefusal, int? level = null)
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client, "/avvisi", level);
        await portal.PostRefusedAsync(client, buildResponse(id), reasonFragment, expectedText);
    }

    [Fact]
    public Task Unsigned_response_and_assertion() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id), signResponse: false, signAssertion: false), "Assertion non firmata");

    [Fact]
    public Task Response_signed_but_assertion_unsigned() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id), signResponse: true, signAssertion: false), "Assertion non firmata");

    [Fact]
    public Task Signed_by_a_key_the_portal_does_not_trust() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.AssertionId, TestIdp.Stranger.Certificate);
            return SamlResponseBuilder.Encode(doc);
        }, "Firma di Assertion non valida");

    [Fact]
    public Task Assertion_tampered_after_signing() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.AssertionId, TestIdp.Trusted.Certificate);
            var value = (XmlElement)doc.SelectSingleNode("//*[local-name()='Attribute'][@Name='fiscalNumber']/*")!;
            value.InnerText = "TINIT-RSSMRA80A01H501U";
            return SamlResponseBuilder.Encode(doc);
        }, "Firma di Assertion non valida");

    [Fact]
    public Task Sha1_signature_is_refused() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.AssertionId, TestIdp.Trusted.Certificate, TestSigner.RsaSha1, TestSigner.Sha1);
            return SamlResponseBuilder.Encode(doc);
        }, "Algoritmo di firma di Assertion non ammesso");

    [Fact]
    public Task Wrong_response_issuer() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Issuer = "https://evil.example/idp" }), "Issuer della Response");

    [Fact]
    public Task Wrong_assertion_issuer() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { AssertionIssuer = "https://evil.example/idp" }), "Issuer della Assertion");

    [Fact]
    public Task Wrong_destination() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Destination = "https://other.example/saml2/acs" }), "Destination della Response");

    [Fact]
    public Task Wrong_recipient() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Recipient = "https://other.example/saml2/acs" }), "Recipient");

    [Fact]
    public Task Missing_in_response_to() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { OmitInResponseTo = true }), "InResponseTo della Response mancante");

    [Fact]
    public Task Unknown_in_response_to() =>
        RefusedAsync(_ => SamlPortal.Signed(portal.Spec("_mai-inviata-" + Guid.NewGuid().ToString("N"))), "non corrisponde a nessuna richiesta");

    [Fact]
    public Task Subject_confirmation_in_response_to_of_another_request() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { SubjectInResponseTo = "_altra" }), "InResponseTo di SubjectConfirmationData");

    [Fact]
    public async Task Replayed_response_is_refused_the_second_time()
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client, "/avvisi");
        var saml = SamlPortal.Signed(portal.Spec(id));
        var first = await SamlPortal.PostAsync(client, saml);
        Assert.Equal("/avvisi", first.Headers.Location!.OriginalString);
        var attacker = portal.Client();
        await portal.PostRefusedAsync(attacker, saml, "già ricevuto una risposta");
    }

    [Fact]
    public async Task Two_parallel_posts_of_the_same_response_log_in_at_most_once()
    {
        // The same browser submits the IdP's form four times at once (its binding cookie goes with every post).
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var saml = SamlPortal.Signed(portal.Spec(id));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SamlPortal.PostAsync(client, saml)));
        Assert.Equal(1, results.Count(r => !r.Headers.Location!.OriginalString.StartsWith("/saml2/errore", StringComparison.Ordinal)));
    }

    [Fact]
    public Task Expired_assertion() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { NotOnOrAfter = portal.Now.AddMinutes(-10) }), "troppo nel passato");

    [Fact]
    public Task Assertion_not_yet_valid() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { NotBefore = portal.Now.AddMinutes(10) }), "NotBefore di Conditions");

    [Fact]
    public Task Issued_in_the_future() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Now = portal.Now.AddHours(1) }), "nel futuro");

    [Fact]
    public Task Wrong_audience() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Audience = "https://other-sp.example/" }), "Audience");

    [Fact]
    public Task Lower_authentication_level_than_requested() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Level = "https://www.spid.gov.it/SpidL1" }),
            "Livello SPID 1 inferiore al richiesto 2", "livello di sicurezza inferiore", level: 2);

    [Fact]
    public Task Missing_fiscal_number() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Attributes = new Dictionary<string, string> { ["name"] = "Giulia" } }),
            "fiscalNumber mancante");

    [Fact]
    public Task Codice_fiscale_with_a_wrong_check_character() =>
        RefusedAsync(id => SamlPortal.Signed(portal.Spec(id) with { Attributes = new Dictionary<string, string> { ["fiscalNumber"] = "TINIT-BNCGLI85C52H501A" } }),
            "Codice fiscale non valido");

    [Fact]
    public Task Xsw_signed_assertion_moved_into_extensions_and_an_evil_one_in_its_place() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.AssertionId, TestIdp.Trusted.Certificate);
            var signedAssertion = TestSigner.FindById(doc, spec.AssertionId);
            var extensions = doc.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
            doc.DocumentElement!.InsertBefore(extensions, signedAssertion);
            doc.DocumentElement.RemoveChild(signedAssertion);
            extensions.AppendChild(signedAssertion);
            doc.DocumentElement.AppendChild(Evil(doc, spec, "_evil"));
            return SamlResponseBuilder.Encode(doc);
        }, "2 Assertion");

    [Fact]
    public Task Xsw_evil_assertion_carrying_the_signed_assertion_id() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.AssertionId, TestIdp.Trusted.Certificate);
            var signedAssertion = TestSigner.FindById(doc, spec.AssertionId);
            var evil = Evil(doc, spec, spec.AssertionId);
            doc.DocumentElement!.InsertBefore(evil, signedAssertion);
            doc.DocumentElement.RemoveChild(signedAssertion);
            // The genuine signed assertion hides inside the evil one's signature Object.
            var signature = evil.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
            var obj = doc.CreateElement("ds", "Object", "http://www.w3.org/2000/09/xmldsig#");
            signature.AppendChild(obj);
            obj.AppendChild(signedAssertion);
            return SamlResponseBuilder.Encode(doc);
        }, "ID duplicato");

    [Fact]
    public Task Xsw_response_wrapped_in_an_evil_response() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var genuine = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(genuine, spec.AssertionId, TestIdp.Trusted.Certificate);
            TestSigner.Sign(genuine, spec.ResponseId, TestIdp.Trusted.Certificate);
            var evilSpec = spec with { ResponseId = "_evilresp", AssertionId = "_evilassert", Attributes = new Dictionary<string, string> { ["fiscalNumber"] = "TINIT-RSSMRA80A01H501U" } };
            var evil = SamlResponseBuilder.Build(evilSpec);
            var extensions = evil.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
            var issuer = evil.DocumentElement!.FirstChild!;
            evil.DocumentElement.InsertAfter(extensions, issuer);
            extensions.AppendChild(evil.ImportNode(genuine.DocumentElement!, true));
            return SamlResponseBuilder.Encode(evil);
        }, "2 Assertion");

    [Fact]
    public Task Xsw_second_unsigned_assertion_after_the_signed_one() =>
        RefusedAsync(id =>
        {
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.AssertionId, TestIdp.Trusted.Certificate);
            TestSigner.Sign(doc, spec.ResponseId, TestIdp.Trusted.Certificate);
            var second = Evil(doc, spec, "_second");
            second.RemoveChild(second.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!);
            doc.DocumentElement!.AppendChild(second);
            return SamlResponseBuilder.Encode(doc);
        }, "2 Assertion");

    [Fact]
    public Task Signature_whose_reference_points_to_another_element() =>
        RefusedAsync(id =>
        {
            // The assertion carries the (valid) signature of the Response, not its own.
            var spec = portal.Spec(id);
            var doc = SamlResponseBuilder.Build(spec);
            TestSigner.Sign(doc, spec.ResponseId, TestIdp.Trusted.Certificate);
            var signature = doc.DocumentElement!.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
            doc.DocumentElement.RemoveChild(signature);
            var assertion = TestSigner.FindById(doc, spec.AssertionId);
            assertion.InsertAfter(signature, assertion.FirstChild);
            return SamlResponseBuilder.Encode(doc);
        }, "non punta all'elemento consumato");

    [Fact]
    public Task Xml_with_a_dtd_is_not_parsed() =>
        RefusedAsync(id =>
        {
            var xml = SamlResponseBuilder.Build(portal.Spec(id)).OuterXml;
            var hostile = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml.Replace("Giulia", "&x;", StringComparison.Ordinal);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(hostile));
        }, "XML della Response non valido");

    /// <summary>An assertion for somebody else, signed with an untrusted key (its signature exists but is worthless).</summary>
    private static XmlElement Evil(XmlDocument target, ResponseSpec spec, string id)
    {
        var evilSpec = spec with { AssertionId = id, Attributes = new Dictionary<string, string> { ["fiscalNumber"] = "TINIT-RSSMRA80A01H501U" } };
        var evilDoc = SamlResponseBuilder.Build(evilSpec);
        TestSigner.Sign(evilDoc, id, TestIdp.Stranger.Certificate);
        return (XmlElement)target.ImportNode(TestSigner.FindById(evilDoc, id), true);
    }
}
