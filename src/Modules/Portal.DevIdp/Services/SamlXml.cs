using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace Portal.DevIdp.Services;

/// <summary>SAML names, safe parsing, enveloped signing and the HTTP-Redirect binding, as an IdP needs them.</summary>
public static class SamlXml
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string DSig = "http://www.w3.org/2000/09/xmldsig#";
    public const string EntityFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    public const string TransientFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public const string Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public const string HttpPost = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public const string HttpRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public const string Success = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public const string Responder = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    public const string AuthnFailed = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    public const string BasicAttrFormat = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string RsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public const string RsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    public static string SpidLevel(int level) => $"https://www.spid.gov.it/SpidL{level}";

    public static int? LevelOf(string? classRef) => classRef?.Trim() switch
    {
        "https://www.spid.gov.it/SpidL1" => 1,
        "https://www.spid.gov.it/SpidL2" => 2,
        "https://www.spid.gov.it/SpidL3" => 3,
        _ => null,
    };

    public static string NewId() => "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string Instant(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses without DTDs or external entities, within a size limit.</summary>
    public static XmlDocument Load(string xml, int maxChars = 1024 * 1024)
    {
        if (xml.Length > maxChars) throw new XmlException("Documento XML troppo grande.");
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = maxChars };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        doc.Load(reader);
        return doc;
    }

    /// <summary>Enveloped signature (rsa-sha256, exc-c14n) of the element, placed right after its Issuer (SAML schema order).</summary>
    public static void SignEnveloped(XmlElement element, X509Certificate2 certificate)
    {
        var id = element.GetAttribute("ID");
        if (id.Length == 0) throw new InvalidOperationException("The element to sign has no ID.");
        var signed = new SignedXml(element.OwnerDocument) { SigningKey = certificate.GetRSAPrivateKey() };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = RsaSha256;
        var reference = new Reference("#" + id) { DigestMethod = Sha256 };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        var signature = element.OwnerDocument.ImportNode(signed.GetXml(), true);
        var issuer = element.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Issuer" && e.NamespaceURI == Assertion);
        if (issuer is null) element.PrependChild(signature);
        else element.InsertAfter(signature, issuer);
    }

    /// <summary>Whether the element carries a valid enveloped signature, over its own ID, by one of the certificates.</summary>
    public static bool HasValidSignature(XmlElement element, IReadOnlyList<X509Certificate2> certificates)
    {
        var signature = element.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Signature" && e.NamespaceURI == DSig);
        if (signature is null) return false;
        var xml = new SignedXml(element.OwnerDocument);
        try { xml.LoadXml(signature); }
        catch (Exception e) when (e is CryptographicException or XmlException) { return false; }
        if (xml.SignedInfo!.References.Count != 1 || xml.SignedInfo.References[0] is not Reference r || r.Uri != "#" + element.GetAttribute("ID"))
            return false;
        if (xml.SignedInfo.SignatureMethod is not (RsaSha256 or RsaSha384 or RsaSha512)) return false;
        foreach (var certificate in certificates)
        {
            using var key = certificate.GetRSAPublicKey();
            try
            {
                if (key is not null && xml.CheckSignature(key)) return true;
            }
            catch (CryptographicException) { return false; }
        }
        return false;
    }

    public static string Inflate(string base64)
    {
        using var input = new MemoryStream(Convert.FromBase64String(base64));
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        var buffer = new char[256 * 1024 + 1];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        if (read == buffer.Length) throw new InvalidDataException("Messaggio SAML troppo grande.");
        return new string(buffer, 0, read);
    }

    /// <summary>
    /// The message of an HTTP-Redirect binding query whose signature (over the raw "SAMLRequest=..&amp;RelayState=..&amp;SigAlg=.."
    /// as sent) verifies with one of the sender's certificates; null otherwise.
    /// </summary>
    public static string? VerifiedRedirectMessage(string rawQuery, string parameter, IReadOnlyList<X509Certificate2> certificates)
    {
        var parts = rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (parts.Values.Any(v => v.Count > 1)) return null;
        string? Raw(string name) => parts.TryGetValue(name, out var v) ? v[0][1] : null;
        var message = Raw(parameter);
        var sigAlg = Raw("SigAlg");
        var signature = Raw("Signature");
        if (message is null || sigAlg is null || signature is null) return null;
        HashAlgorithmName? hash = Uri.UnescapeDataString(sigAlg) switch
        {
            RsaSha256 => HashAlgorithmName.SHA256,
            RsaSha384 => HashAlgorithmName.SHA384,
            RsaSha512 => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (hash is null) return null;
        var signedText = parameter + "=" + message + (Raw("RelayState") is { } relay ? "&RelayState=" + relay : "") + "&SigAlg=" + sigAlg;
        byte[] signatureBytes;
        try { signatureBytes = Convert.FromBase64String(Uri.UnescapeDataString(signature)); }
        catch (FormatException) { return null; }
        var data = Encoding.ASCII.GetBytes(signedText);
        foreach (var certificate in certificates)
        {
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is null || !rsa.VerifyData(data, signatureBytes, hash.Value, RSASignaturePadding.Pkcs1)) continue;
            try { return Inflate(Uri.UnescapeDataString(message)); }
            catch (Exception e) when (e is FormatException or InvalidDataException) { return null; }
        }
        return null;
    }

    public static XmlElement? Child(XmlElement parent, string ns, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(c => c.LocalName == localName && c.NamespaceURI == ns);
}
