using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Portal.Identity.Saml;

namespace Portal.Identity.Providers;

/// <summary>Reads entityID, SSO/SLO endpoints per binding and signing certificates from IdP metadata.</summary>
public static class IdpMetadataParser
{
    public static IdentityProvider Parse(IdentityProviderOptions config, string xml)
    {
        var doc = SafeXml.Load(xml, 4 * 1024 * 1024);
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("md", SamlNames.Metadata);
        ns.AddNamespace("ds", SamlNames.DSig);
        var entity = (doc.DocumentElement?.LocalName == "EntityDescriptor" ? doc.DocumentElement
                : doc.SelectSingleNode("//md:EntityDescriptor[md:IDPSSODescriptor]", ns) as XmlElement)
            ?? throw new FormatException("No EntityDescriptor in the metadata.");
        var entityId = entity.GetAttribute("entityID");
        if (string.IsNullOrWhiteSpace(entityId)) throw new FormatException("EntityDescriptor without entityID.");
        var idp = entity.SelectSingleNode("md:IDPSSODescriptor", ns) as XmlElement
            ?? throw new FormatException("No IDPSSODescriptor in the metadata.");
        var certificates = new List<X509Certificate2>();
        foreach (XmlElement kd in idp.SelectNodes("md:KeyDescriptor", ns)!)
        {
            var use = kd.GetAttribute("use");
            if (use.Length > 0 && use != "signing") continue;
            foreach (XmlElement c in kd.SelectNodes(".//ds:X509Certificate", ns)!)
                certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c.InnerText.Trim())));
        }
        if (certificates.Count == 0) throw new FormatException("No signing certificate in the metadata.");
        return new IdentityProvider(config.Key, string.IsNullOrWhiteSpace(config.DisplayName) ? config.Key : config.DisplayName,
            config.Kind.ToLowerInvariant(), entityId, Endpoints(idp, "md:SingleSignOnService", ns),
            Endpoints(idp, "md:SingleLogoutService", ns), certificates);
    }

    private static Dictionary<string, string> Endpoints(XmlElement idp, string xpath, XmlNamespaceManager ns)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (XmlElement e in idp.SelectNodes(xpath, ns)!)
            result.TryAdd(e.GetAttribute("Binding"), e.GetAttribute("Location"));
        return result;
    }
}
