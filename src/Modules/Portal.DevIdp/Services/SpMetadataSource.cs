using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Portal.DevIdp.Model;

namespace Portal.DevIdp.Services;

/// <summary>
/// Reads the service provider's metadata over HTTP, as a real IdP reads the metadata of the SPs it serves: its entityID,
/// ACS endpoints and signing certificates. Kept for a minute so a new SP key is seen quickly.
/// </summary>
public sealed class SpMetadataSource(IHttpClientFactory http, DevIdpAddresses addresses, TimeProvider clock)
{
    public const string HttpClientName = "dev-idp-sp-metadata";
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private volatile Cached? _cached;

    private sealed record Cached(SpDescriptor Sp, DateTimeOffset Until);

    public async Task<SpDescriptor> GetAsync(HttpRequest request, CancellationToken ct)
    {
        if (_cached is { } c && c.Until > clock.GetUtcNow()) return c.Sp;
        var xml = await http.CreateClient(HttpClientName).GetStringAsync(addresses.SpMetadataUrl(request), ct);
        var sp = Parse(xml);
        _cached = new Cached(sp, clock.GetUtcNow() + Keep);
        return sp;
    }

    public static SpDescriptor Parse(string xml)
    {
        var doc = SamlXml.Load(xml, 2 * 1024 * 1024);
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("md", SamlXml.Metadata);
        ns.AddNamespace("ds", SamlXml.DSig);
        var entity = doc.DocumentElement is { LocalName: "EntityDescriptor" } root ? root : throw new FormatException("Metadati del service provider senza EntityDescriptor.");
        var spsso = entity.SelectSingleNode("md:SPSSODescriptor", ns) as XmlElement ?? throw new FormatException("Metadati senza SPSSODescriptor.");
        var acs = new Dictionary<int, string>();
        var defaultIndex = -1;
        foreach (XmlElement e in spsso.SelectNodes("md:AssertionConsumerService", ns)!)
        {
            if (e.GetAttribute("Binding") != SamlXml.HttpPost) continue;
            if (!int.TryParse(e.GetAttribute("index"), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            acs[index] = e.GetAttribute("Location");
            if (e.GetAttribute("isDefault") == "true" || defaultIndex < 0) defaultIndex = index;
        }
        if (acs.Count == 0) throw new FormatException("Metadati senza AssertionConsumerService HTTP-POST.");
        var certificates = new List<X509Certificate2>();
        foreach (XmlElement kd in spsso.SelectNodes("md:KeyDescriptor", ns)!)
        {
            if (kd.GetAttribute("use") is { Length: > 0 } use && use != "signing") continue;
            foreach (XmlElement c in kd.SelectNodes(".//ds:X509Certificate", ns)!)
                certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c.InnerText.Trim())));
        }
        if (certificates.Count == 0) throw new FormatException("Metadati senza certificato di firma.");
        var requested = spsso.SelectNodes("md:AttributeConsumingService/md:RequestedAttribute", ns)!.OfType<XmlElement>()
            .Select(e => e.GetAttribute("Name")).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var serviceName = spsso.SelectSingleNode("md:AttributeConsumingService/md:ServiceName", ns)?.InnerText.Trim() is { Length: > 0 } name
            ? name : entity.GetAttribute("entityID");
        return new SpDescriptor(entity.GetAttribute("entityID"), acs, defaultIndex, certificates, requested, serviceName);
    }
}
