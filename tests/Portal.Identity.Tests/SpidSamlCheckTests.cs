using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Identity.Tests;

/// <summary>
/// AgID's SPID SAML Check response suite (test-suite-1), read at test time from ../shared/spid-saml-check
/// and played as its README describes: placeholders, signing flags, expected Ok/KO.
/// </summary>
public partial class SpidSamlCheckTests(SamlPortal portal, ITestOutputHelper output) : IClassFixture<SamlPortal>
{
    private static string Folder => Path.Combine(RepoPaths.Shared ?? throw new InvalidOperationException("../shared non trovato"), "spid-saml-check");

    private static readonly Lazy<JsonElement> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "test.json"))).RootElement.GetProperty("test-suite-1").GetProperty("cases"));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value.EnumerateObject()) data.Add(c.Name);
        return data;
    }

    private static readonly string[] Requested = ["fiscalNumber", "name", "familyName", "dateOfBirth", "placeOfBirth", "email", "mobilePhone"];

    private static readonly Dictionary<string, string> StatusMessages = new()
    {
        ["nr19"] = "inserite in modo errato troppe volte",
        ["nr20"] = "non hanno il livello di sicurezza richiesto",
        ["nr21"] = "tempo a disposizione per completare l'autenticazione è scaduto",
        ["nr22"] = "negato il consenso",
        ["nr23"] = "sospesa o revocata",
        ["nr25"] = "Hai annullato l'autenticazione",
    };

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Spid_saml_check_response_case(string caseId)
    {
        var c = Cases.Value.GetProperty(caseId);
        var description = c.GetProperty("description").GetString()!;
        var expectOk = ExpectedOk(caseId, description);

        var client = portal.Client();
        var requestId = await portal.StartLoginIdAsync(client, "/avvisi", level: 2);
        var xml = Fill(File.ReadAllText(Path.Combine(Folder, c.GetProperty("path").GetString()!)), caseId, c, requestId);
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(xml);
        var (cert, key) = Credentials(c);
        if (c.GetProperty("sign_assertion").GetBoolean()
            && doc.DocumentElement!.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Assertion") is { } assertion)
            Sign(doc, assertion, cert, key);
        if (c.GetProperty("sign_response").GetBoolean()) Sign(doc, doc.DocumentElement!, cert, key);

        var samlResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes(doc.OuterXml));
        if (expectOk)
        {
            var response = await SamlPortal.PostAsync(client, samlResponse);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/avvisi", response.Headers.Location!.OriginalString);
            Assert.True(await SamlPortal.IsLoggedInAsync(client), $"{caseId}: atteso l'accesso");
            return;
        }
        var message = c.GetProperty("response").TryGetProperty("StatusMessage", out var sm) ? sm.GetString() : null;
        var code = message is null ? null : StatusCode().Match(message) is { Success: true } m ? "nr" + m.Groups[1].Value : null;
        var expectedText = code is not null && StatusMessages.TryGetValue(code, out var t) ? t
            : caseId == "94" ? "livello di sicurezza inferiore" : SamlPortal.GenericRefusal;
        var reason = code is null ? SpidSamlCheckReasons.For(caseId) : $"ErrorCode {code}";
        var audit = await portal.PostRefusedAsync(client, samlResponse, reason, expectedText);
        output.WriteLine($"{caseId}: rifiutata: {audit.Details}");
    }

    /// <summary>The expected result: "Risultato atteso: Ok/KO"; the level cases against the L2 request; 103, 112, 113 are KO.</summary>
    private static bool ExpectedOk(string caseId, string description) => caseId switch
    {
        "94" => false, // SpidL1 answered to an L2 request
        "95" or "96" => true, // L2 and L3 satisfy an L2 request
        "103" => false, // the attributes sent lack fiscalNumber
        "112" or "113" => false, // assertion unsigned / signed with a key the SP does not trust
        _ when OkPattern().IsMatch(description) => true,
        _ when description.Contains("KO", StringComparison.Ordinal) => false,
        _ => throw new InvalidOperationException($"Caso {caseId}: risultato atteso non riconosciuto."),
    };

    private string Fill(string template, string caseId, JsonElement c, string requestId)
    {
        var now = portal.Now;
        var overrides = c.GetProperty("response");
        var defaults = new Dictionary<string, string>
        {
            ["ResponseID"] = "_" + Guid.NewGuid().ToString("N"),
            ["AssertionID"] = "_" + Guid.NewGuid().ToString("N"),
            ["AuthnRequestID"] = requestId,
            ["AssertionConsumerURL"] = SamlPortal.AcsUrl,
            ["IssueInstant"] = Instant(now),
            ["IssueInstantMillis"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["AuthnIstant"] = Instant(now),
            ["NotOnOrAfter"] = Instant(now.AddMinutes(5)),
            ["Issuer"] = TestIdp.EntityId,
            ["Audience"] = SamlPortal.EntityId,
            ["NameID"] = "_" + Guid.NewGuid().ToString("N"),
            ["NameIDNameQualifier"] = TestIdp.EntityId,
            ["SessionIndex"] = "_" + Guid.NewGuid().ToString("N"),
            ["AuthnContextClassRef"] = "https://www.spid.gov.it/SpidL2",
        };
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "Attributes") return Attributes(caseId, c);
            if (overrides.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
                return System.Security.SecurityElement.Escape(s);
            return defaults.TryGetValue(name, out var d) ? d : m.Value;
        });
    }

    private static string Attributes(string caseId, JsonElement c)
    {
        var values = c.GetProperty("response").GetProperty("Attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var names = caseId == "103" ? values.Keys.ToList() : Requested.Where(values.ContainsKey).ToList();
        var withFormat = !(c.TryGetProperty("attributesNameFormat", out var f) && f.ValueKind == JsonValueKind.False);
        var sb = new StringBuilder("<saml:AttributeStatement>");
        foreach (var name in names)
        {
            var type = name is "dateOfBirth" or "expirationDate" ? "xs:date" : "xs:string";
            var format = withFormat ? " NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\"" : "";
            sb.Append($"<saml:Attribute Name=\"{name}\"{format}><saml:AttributeValue xsi:type=\"{type}\">{System.Security.SecurityElement.Escape(values[name])}</saml:AttributeValue></saml:Attribute>");
        }
        return sb.Append("</saml:AttributeStatement>").ToString();
    }

    private static (X509Certificate2 Cert, RSA Key) Credentials(JsonElement c)
    {
        if (!c.TryGetProperty("sign_credentials", out var cred) || cred.ValueKind != JsonValueKind.Object)
            return (TestIdp.Trusted.Certificate, TestIdp.Trusted.Certificate.GetRSAPrivateKey()!);
        var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(cred.GetProperty("certificate").GetString()!));
        var key = RSA.Create();
        key.ImportRSAPrivateKey(Convert.FromBase64String(cred.GetProperty("privateKey").GetString()!), out _);
        return (cert, key);
    }

    private static void Sign(XmlDocument doc, XmlElement element, X509Certificate2 cert, RSA key)
    {
        var id = element.GetAttribute("ID");
        if (id.Length == 0) return; // nothing a Reference could point to (the ID cases): left unsigned
        var signed = new SignedXml(doc) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#" + id) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var info = new KeyInfo();
        info.AddClause(new KeyInfoX509Data(cert));
        signed.KeyInfo = info;
        signed.ComputeSignature();
        var signature = doc.ImportNode(signed.GetXml(), true);
        var issuer = element.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Issuer");
        if (issuer is null) element.PrependChild(signature);
        else element.InsertAfter(signature, issuer);
    }

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\{([A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"Risultato atteso:\s*OK\b", RegexOptions.IgnoreCase)]
    private static partial Regex OkPattern();

    [GeneratedRegex(@"ErrorCode nr(\d+)")]
    private static partial Regex StatusCode();
}
