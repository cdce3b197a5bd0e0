using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Portal.DevIdp.Services;

/// <summary>The IdP metadata (SAML metadata §2.4.3, SPID profile): signing key, SSO on both bindings; signed.</summary>
public static class IdpMetadataWriter
{
    private static readonly XNamespace Md = SamlXml.Metadata;
    private static readonly XNamespace Ds = SamlXml.DSig;

    public static string Write(string entityId, string ssoUrl, string organization, X509Certificate2 certificate)
    {
        var id = "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entityId)))[..32];
        var root = new XElement(Md + "EntityDescriptor",
            new XAttribute(XNamespace.Xmlns + "md", Md), new XAttribute(XNamespace.Xmlns + "ds", Ds),
            new XAttribute("entityID", entityId), new XAttribute("ID", id),
            new XElement(Md + "IDPSSODescriptor",
                new XAttribute("protocolSupportEnumeration", SamlXml.Protocol), new XAttribute("WantAuthnRequestsSigned", "true"),
                new XElement(Md + "KeyDescriptor", new XAttribute("use", "signing"),
                    new XElement(Ds + "KeyInfo", new XElement(Ds + "X509Data", new XElement(Ds + "X509Certificate", Convert.ToBase64String(certificate.RawData))))),
                new XElement(Md + "NameIDFormat", SamlXml.TransientFormat),
                new XElement(Md + "SingleSignOnService", new XAttribute("Binding", SamlXml.HttpRedirect), new XAttribute("Location", ssoUrl)),
                new XElement(Md + "SingleSignOnService", new XAttribute("Binding", SamlXml.HttpPost), new XAttribute("Location", ssoUrl))),
            new XElement(Md + "Organization",
                new XElement(Md + "OrganizationName", new XAttribute(XNamespace.Xml + "lang", "it"), organization),
                new XElement(Md + "OrganizationDisplayName", new XAttribute(XNamespace.Xml + "lang", "it"), organization),
                new XElement(Md + "OrganizationURL", new XAttribute(XNamespace.Xml + "lang", "it"), entityId)));
        var doc = new XmlDocument { PreserveWhitespace = true };
        using (var reader = root.CreateReader()) doc.Load(reader);
        SamlXml.SignEnveloped(doc.DocumentElement!, certificate);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doc.DocumentElement!.OuterXml;
    }
}
