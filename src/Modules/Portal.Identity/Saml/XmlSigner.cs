using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Portal.Identity.Saml;

/// <summary>Enveloped XML signature, rsa-sha256 with exclusive canonicalization, Reference URI "#ID".</summary>
public static class XmlSigner
{
    /// <summary>Signs <paramref name="element"/> and inserts the signature after <paramref name="after"/> (or as first child).</summary>
    public static void SignEnveloped(XmlElement element, X509Certificate2 certificate, XmlNode? after = null)
    {
        var id = element.GetAttribute("ID");
        if (string.IsNullOrEmpty(id)) throw new InvalidOperationException("The element to sign has no ID.");
        var signed = new SignedXml(element) { SigningKey = certificate.GetRSAPrivateKey() };
        signed.SignedInfo!.CanonicalizationMethod = SamlNames.ExcC14n;
        signed.SignedInfo.SignatureMethod = SamlNames.RsaSha256;
        var reference = new Reference("#" + id) { DigestMethod = SamlNames.Sha256 };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        var signature = signed.GetXml();
        var imported = element.OwnerDocument.ImportNode(signature, true);
        if (after is null) element.PrependChild(imported);
        else element.InsertAfter(imported, after);
    }
}
