using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Identity.Saml;

/// <summary>The SP metadata (SPID profile), signed enveloped with the SP key.</summary>
public static class SpMetadataWriter
{
    private static readonly XNamespace Md = SamlNames.Metadata;
    private static readonly XNamespace Ds = SamlNames.DSig;
    private static readonly XNamespace Spid = "https://spid.gov.it/saml-extensions";

    public static string Write(ServiceProviderOptions sp, X509Certificate2 certificate)
    {
        var entityId = sp.ResolvedEntityId;
        var id = "_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(entityId)))[..32];
        var certB64 = Convert.ToBase64String(certificate.RawData);
        var root = new XElement(Md + "EntityDescriptor",
            new XAttribute(XNamespace.Xmlns + "md", Md), new XAttribute(XNamespace.Xmlns + "ds", Ds),
            new XAttribute(XNamespace.Xmlns + "spid", Spid),
            new XAttribute("entityID", entityId), new XAttribute("ID", id),
            new XElement(Md + "SPSSODescriptor",
                new XAttribute("protocolSupportEnumeration", SamlNames.Protocol),
                new XAttribute("AuthnRequestsSigned", "true"), new XAttribute("WantAssertionsSigned", "true"),
                new XElement(Md + "KeyDescriptor", new XAttribute("use", "signing"),
                    new XElement(Ds + "KeyInfo", new XElement(Ds + "X509Data", new XElement(Ds + "X509Certificate", certB64)))),
                new XElement(Md + "SingleLogoutService", new XAttribute("Binding", SamlNames.HttpRedirect), new XAttribute("Location", sp.SloUrl)),
                new XElement(Md + "NameIDFormat", SamlNames.TransientFormat),
                new XElement(Md + "AssertionConsumerService", new XAttribute("Binding", SamlNames.HttpPost),
                    new XAttribute("Location", sp.AcsUrl), new XAttribute("index", "0"), new XAttribute("isDefault", "true")),
                new XElement(Md + "AttributeConsumingService", new XAttribute("index", "0"),
                    new XElement(Md + "ServiceName", new XAttribute(XNamespace.Xml + "lang", "it"), sp.OrganizationDisplayName),
                    SamlNames.RequestedAttributes.Select(a => new XElement(Md + "RequestedAttribute",
                        new XAttribute("Name", a), new XAttribute("NameFormat", SamlNames.BasicAttrFormat))))),
            new XElement(Md + "Organization",
                new XElement(Md + "OrganizationName", new XAttribute(XNamespace.Xml + "lang", "it"), sp.OrganizationName),
                new XElement(Md + "OrganizationDisplayName", new XAttribute(XNamespace.Xml + "lang", "it"), sp.OrganizationDisplayName),
                new XElement(Md + "OrganizationURL", new XAttribute(XNamespace.Xml + "lang", "it"), sp.OrganizationUrl)),
            new XElement(Md + "ContactPerson", new XAttribute("contactType", "other"),
                new XElement(Md + "Extensions",
                    string.IsNullOrWhiteSpace(sp.IpaCode) ? null : new XElement(Spid + "IPACode", sp.IpaCode),
                    new XElement(Spid + "Public")),
                new XElement(Md + "EmailAddress", sp.ContactEmail),
                string.IsNullOrWhiteSpace(sp.ContactPhone) ? null : new XElement(Md + "TelephoneNumber", sp.ContactPhone)));
        var doc = new XmlDocument { PreserveWhitespace = true };
        using (var reader = root.CreateReader()) doc.Load(reader);
        XmlSigner.SignEnveloped(doc.DocumentElement!, certificate);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doc.DocumentElement!.OuterXml;
    }
}
