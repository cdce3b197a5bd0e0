using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Portal.DevIdp.Model;

namespace Portal.DevIdp.Services;

/// <summary>
/// The IdP's answer (SAML core §3.3.3, SPID technical rules): a Response with one Assertion, both signed, the subject a
/// transient NameID, bearer confirmation towards the ACS, audience the SP, the level as AuthnContextClassRef, and the
/// SPID attributes the SP asked for (name, familyName, email, dateOfBirth...) plus the identifying fiscalNumber (TINIT- prefix) and spidCode.
/// </summary>
public static class ResponseWriter
{
    private static readonly XNamespace P = SamlXml.Protocol;
    private static readonly XNamespace A = SamlXml.Assertion;
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The attributes this IdP can certify, by SPID name.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(DevIdpPersonAnswer person, string idpEntityId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spidCode"] = "DEV" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idpEntityId + "|" + person.CodiceFiscale)))[..11],
            ["fiscalNumber"] = "TINIT-" + person.CodiceFiscale,
            ["name"] = person.Nome,
            ["familyName"] = person.Cognome,
        };
        if (!string.IsNullOrWhiteSpace(person.Email)) values["email"] = person.Email.Trim();
        if (DateOfBirth(person.CodiceFiscale) is { } born) values["dateOfBirth"] = born;
        return values;
    }

    public static string Success(ReceivedAuthnRequest request, DevIdpPersonAnswer person, string idpEntityId, X509Certificate2 certificate,
        DateTimeOffset now, TimeSpan assertionLifetime, IReadOnlyList<string> requestedAttributes)
    {
        var responseId = SamlXml.NewId();
        var assertionId = SamlXml.NewId();
        var until = SamlXml.Instant(now + assertionLifetime);
        var attributes = Attributes(person, idpEntityId)
            .Where(a => requestedAttributes.Count == 0 || requestedAttributes.Contains(a.Key) || a.Key is "fiscalNumber" or "spidCode")
            .Select(a => new XElement(A + "Attribute", new XAttribute("Name", a.Key), new XAttribute("NameFormat", SamlXml.BasicAttrFormat),
                new XElement(A + "AttributeValue", new XAttribute(Xsi + "type", "xs:string"), a.Value)));
        var assertion = new XElement(A + "Assertion",
            new XAttribute(XNamespace.Xmlns + "xs", Xs), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute("ID", assertionId), new XAttribute("Version", "2.0"), new XAttribute("IssueInstant", SamlXml.Instant(now)),
            Issuer(idpEntityId),
            new XElement(A + "Subject",
                new XElement(A + "NameID", new XAttribute("Format", SamlXml.TransientFormat), new XAttribute("NameQualifier", idpEntityId), SamlXml.NewId()),
                new XElement(A + "SubjectConfirmation", new XAttribute("Method", SamlXml.Bearer),
                    new XElement(A + "SubjectConfirmationData", new XAttribute("InResponseTo", request.Id), new XAttribute("NotOnOrAfter", until),
                        new XAttribute("Recipient", request.AcsUrl)))),
            new XElement(A + "Conditions", new XAttribute("NotBefore", SamlXml.Instant(now)), new XAttribute("NotOnOrAfter", until),
                new XElement(A + "AudienceRestriction", new XElement(A + "Audience", request.SpEntityId))),
            new XElement(A + "AuthnStatement", new XAttribute("AuthnInstant", SamlXml.Instant(now)), new XAttribute("SessionIndex", SamlXml.NewId()),
                new XElement(A + "AuthnContext", new XElement(A + "AuthnContextClassRef", SamlXml.SpidLevel(person.Level)))),
            new XElement(A + "AttributeStatement", attributes));
        var doc = Document(Response(request, responseId, idpEntityId, now, SamlXml.Success, null, null, assertion));
        SamlXml.SignEnveloped(ById(doc, assertionId), certificate);
        SamlXml.SignEnveloped(doc.DocumentElement!, certificate);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(doc.OuterXml));
    }

    /// <summary>A signed refusal, e.g. "ErrorCode nr25" when the person cancels (SPID anomaly codes).</summary>
    public static string Failure(ReceivedAuthnRequest request, string idpEntityId, X509Certificate2 certificate, DateTimeOffset now, string statusMessage)
    {
        var responseId = SamlXml.NewId();
        var doc = Document(Response(request, responseId, idpEntityId, now, SamlXml.Responder, SamlXml.AuthnFailed, statusMessage, null));
        SamlXml.SignEnveloped(doc.DocumentElement!, certificate);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(doc.OuterXml));
    }

    private static XElement Response(ReceivedAuthnRequest request, string id, string idpEntityId, DateTimeOffset now, string status, string? subStatus,
        string? message, XElement? assertion) =>
        new(P + "Response",
            new XAttribute(XNamespace.Xmlns + "samlp", P), new XAttribute(XNamespace.Xmlns + "saml", A),
            new XAttribute("ID", id), new XAttribute("Version", "2.0"), new XAttribute("IssueInstant", SamlXml.Instant(now)),
            new XAttribute("Destination", request.AcsUrl), new XAttribute("InResponseTo", request.Id),
            Issuer(idpEntityId),
            new XElement(P + "Status",
                new XElement(P + "StatusCode", new XAttribute("Value", status), subStatus is null ? null : new XElement(P + "StatusCode", new XAttribute("Value", subStatus))),
                message is null ? null : new XElement(P + "StatusMessage", message)),
            assertion);

    private static XElement Issuer(string entityId) => new(A + "Issuer", new XAttribute("Format", SamlXml.EntityFormat), entityId);

    private static XmlDocument Document(XElement root)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        using var reader = root.CreateReader();
        doc.Load(reader);
        return doc;
    }

    private static XmlElement ById(XmlDocument doc, string id) =>
        doc.GetElementsByTagName("*").OfType<XmlElement>().First(e => e.GetAttribute("ID") == id);

    private const string Months = "ABCDEHLMPRST";
    private const string Omocodia = "LMNPQRSTUV";

    /// <summary>The birth date a codice fiscale encodes (yyyy-MM-dd), the century guessed as the registry does (not in the future).</summary>
    internal static string? DateOfBirth(string cf)
    {
        if (cf.Length != 16) return null;
        int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : Omocodia.IndexOf(c);
        int[] d = [Digit(cf[6]), Digit(cf[7]), Digit(cf[9]), Digit(cf[10])];
        var month = Months.IndexOf(cf[8]) + 1;
        if (d.Any(x => x < 0) || month == 0) return null;
        var yy = d[0] * 10 + d[1];
        var day = (d[2] * 10 + d[3]) % 40;
        var year = 2000 + yy > DateTime.UtcNow.Year ? 1900 + yy : 2000 + yy;
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
