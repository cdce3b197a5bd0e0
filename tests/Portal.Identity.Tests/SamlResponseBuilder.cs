using System.Globalization;
using System.Security;
using System.Text;
using System.Xml;

namespace Portal.Identity.Tests;

/// <summary>What a test IdP answers; every field can be altered by a hostile test.</summary>
public sealed record ResponseSpec
{
    public required string InResponseTo { get; init; }
    public required DateTimeOffset Now { get; init; }
    public string ResponseId { get; init; } = "_r" + Guid.NewGuid().ToString("N");
    public string AssertionId { get; init; } = "_a" + Guid.NewGuid().ToString("N");
    public string Issuer { get; init; } = TestIdp.EntityId;
    public string AssertionIssuer { get; init; } = TestIdp.EntityId;
    public string Destination { get; init; } = SamlPortal.AcsUrl;
    public string Recipient { get; init; } = SamlPortal.AcsUrl;
    public string Audience { get; init; } = SamlPortal.EntityId;
    public string? SubjectInResponseTo { get; init; }
    public bool OmitInResponseTo { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? NotOnOrAfter { get; init; }
    public string Level { get; init; } = "https://www.spid.gov.it/SpidL2";
    public string StatusCode { get; init; } = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public string? SubStatus { get; init; }
    public string? StatusMessage { get; init; }
    public bool IncludeAssertion { get; init; } = true;
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>
    {
        ["fiscalNumber"] = "TINIT-" + SamlPortal.NewPersonCf,
        ["name"] = "Giulia",
        ["familyName"] = "Bianchi",
        ["email"] = "giulia.bianchi@example.org",
        ["dateOfBirth"] = "1985-03-12",
    };

    /// <summary>Attributes sent with no AttributeValue at all.</summary>
    public IReadOnlyList<string> ValuelessAttributes { get; init; } = [];

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Builds a SAML Response document from a spec (our own template of SAML core §3.3.3 / SPID rules).</summary>
public static class SamlResponseBuilder
{
    public static string AssertionXml(ResponseSpec s)
    {
        var e = (string v) => SecurityElement.Escape(v);
        var inResponseTo = e(s.SubjectInResponseTo ?? s.InResponseTo);
        var notOnOrAfter = ResponseSpec.Instant(s.NotOnOrAfter ?? s.Now.AddMinutes(5));
        var notBefore = ResponseSpec.Instant(s.NotBefore ?? s.Now);
        var attributes = new StringBuilder();
        if (s.Attributes.Count + s.ValuelessAttributes.Count > 0)
        {
            attributes.Append("<saml:AttributeStatement>");
            foreach (var (name, value) in s.Attributes)
                attributes.Append($"<saml:Attribute Name=\"{e(name)}\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\"><saml:AttributeValue xsi:type=\"xs:string\">{e(value)}</saml:AttributeValue></saml:Attribute>");
            foreach (var name in s.ValuelessAttributes)
                attributes.Append($"<saml:Attribute Name=\"{e(name)}\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\"></saml:Attribute>");
            attributes.Append("</saml:AttributeStatement>");
        }
        return $"""
            <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="{s.AssertionId}" Version="2.0" IssueInstant="{ResponseSpec.Instant(s.Now)}"><saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{e(s.AssertionIssuer)}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" NameQualifier="{e(s.Issuer)}">_nid{Guid.NewGuid():N}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="{inResponseTo}" NotOnOrAfter="{notOnOrAfter}" Recipient="{e(s.Recipient)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{notBefore}" NotOnOrAfter="{notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{e(s.Audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="{ResponseSpec.Instant(s.Now)}" SessionIndex="_s{Guid.NewGuid():N}"><saml:AuthnContext><saml:AuthnContextClassRef>{e(s.Level)}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>{attributes}</saml:Assertion>
            """;
    }

    public static XmlDocument Build(ResponseSpec s)
    {
        var e = (string v) => SecurityElement.Escape(v);
        var inResponseTo = s.OmitInResponseTo ? "" : $" InResponseTo=\"{e(s.InResponseTo)}\"";
        var sub = s.SubStatus is null ? "" : $"<samlp:StatusCode Value=\"{e(s.SubStatus)}\"/>";
        var message = s.StatusMessage is null ? "" : $"<samlp:StatusMessage>{e(s.StatusMessage)}</samlp:StatusMessage>";
        var xml = $"""
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{s.ResponseId}" Version="2.0" IssueInstant="{ResponseSpec.Instant(s.Now)}" Destination="{e(s.Destination)}"{inResponseTo}><saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">{e(s.Issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{e(s.StatusCode)}">{sub}</samlp:StatusCode>{message}</samlp:Status>{(s.IncludeAssertion ? AssertionXml(s) : "")}</samlp:Response>
            """;
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(xml);
        return doc;
    }

    public static string Encode(XmlDocument doc) => Convert.ToBase64String(Encoding.UTF8.GetBytes(doc.OuterXml));
}
