using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Portal.Identity.Tests;

/// <summary>Signs SAML elements in the tests: with .NET's SignedXml, or with the independent xmlsec1.</summary>
public static class TestSigner
{
    public const string RsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    /// <summary>Enveloped signature of the element with this ID, placed after its Issuer (SAML schema order).</summary>
    public static void Sign(XmlDocument doc, string id, X509Certificate2 cert, string signatureMethod = SignedXml.XmlDsigRSASHA256Url,
        string digestMethod = SignedXml.XmlDsigSHA256Url)
    {
        var element = FindById(doc, id);
        var signed = new SignedXml(doc) { SigningKey = cert.GetRSAPrivateKey() };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = signatureMethod;
        var reference = new Reference("#" + id) { DigestMethod = digestMethod };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(cert));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        Insert(element, doc.ImportNode(signed.GetXml(), true));
    }

    /// <summary>Signs with xmlsec1: inserts a signature template in the element, then runs the tool.</summary>
    public static XmlDocument SignWithXmlsec(XmlDocument doc, string id, TestIdp idp)
    {
        var element = FindById(doc, id);
        var template = new XmlDocument();
        template.LoadXml($"""
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#{id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>
            """);
        Insert(element, doc.ImportNode(template.DocumentElement!, true));
        var dir = Path.Combine(Path.GetTempPath(), "portal-identity-tests", "xmlsec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var input = Path.Combine(dir, "in.xml");
        var output = Path.Combine(dir, "out.xml");
        File.WriteAllText(input, doc.OuterXml);
        var idAttr = element.LocalName == "Assertion"
            ? "urn:oasis:names:tc:SAML:2.0:assertion:Assertion" : "urn:oasis:names:tc:SAML:2.0:protocol:Response";
        var psi = new ProcessStartInfo("/usr/bin/xmlsec1")
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--sign", "--privkey-pem", $"{idp.KeyPemPath},{idp.CertPemPath}", $"--id-attr:ID", idAttr, "--output", output, input })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("xmlsec1 failed: " + err);
        var signed = new XmlDocument { PreserveWhitespace = true };
        signed.Load(output);
        Directory.Delete(dir, true);
        return signed;
    }

    private static void Insert(XmlElement element, XmlNode signature)
    {
        var issuer = element.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Issuer");
        if (issuer is null) element.PrependChild(signature);
        else element.InsertAfter(signature, issuer);
    }

    public static XmlElement FindById(XmlDocument doc, string id) =>
        doc.SelectSingleNode($"//*[@ID='{id}']") as XmlElement ?? throw new InvalidOperationException("No element with ID " + id);
}
