using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.DevIdp.Model;

namespace Portal.DevIdp.Services;

/// <summary>
/// Reads an AuthnRequest as a SPID IdP does: HTTP-Redirect (signed query) or HTTP-POST (enveloped signature), signed with
/// a key from the SP's metadata, addressed to this IdP, fresh, from the SP's entityID, towards an ACS of its metadata.
/// </summary>
public sealed class AuthnRequestReader(SpMetadataSource spMetadata, DevIdpAddresses addresses, IOptions<DevIdpOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(3);

    public async Task<ReceivedAuthnRequest> ReadAsync(DevIdpKind kind, HttpRequest request, CancellationToken ct)
    {
        SpDescriptor sp;
        try { sp = await spMetadata.GetAsync(request, ct); }
        catch (Exception e) when (e is HttpRequestException or FormatException or XmlException or TaskCanceledException)
        {
            throw new DevIdpRefusal($"Metadati del service provider non leggibili da {addresses.SpMetadataUrl(request)}: {e.Message}");
        }

        string xml;
        string? relayState;
        if (HttpMethods.IsGet(request.Method))
        {
            if (!request.Query.ContainsKey("SAMLRequest")) throw new DevIdpRefusal("Manca il parametro SAMLRequest.");
            xml = SamlXml.VerifiedRedirectMessage(request.QueryString.Value ?? "", "SAMLRequest", sp.SigningCertificates)
                ?? throw new DevIdpRefusal("La firma della richiesta (HTTP-Redirect) manca o non è valida con i certificati dei metadati del service provider.");
            relayState = request.Query["RelayState"].ToString();
        }
        else
        {
            if (!request.HasFormContentType) throw new DevIdpRefusal("La richiesta HTTP-POST non è un modulo.");
            var form = await request.ReadFormAsync(ct);
            var encoded = form["SAMLRequest"].ToString();
            if (encoded.Length == 0) throw new DevIdpRefusal("Manca il campo SAMLRequest.");
            try { xml = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)); }
            catch (FormatException) { throw new DevIdpRefusal("SAMLRequest non è base64 valido."); }
            relayState = form["RelayState"].ToString();
        }

        XmlDocument doc;
        try { doc = SamlXml.Load(xml, 256 * 1024); }
        catch (XmlException e) { throw new DevIdpRefusal($"XML della richiesta non valido: {e.Message}"); }
        var root = doc.DocumentElement!;
        Require(root.LocalName == "AuthnRequest" && root.NamespaceURI == SamlXml.Protocol, $"Elemento radice inatteso: {root.Name}.");
        if (HttpMethods.IsPost(request.Method))
            Require(SamlXml.HasValidSignature(root, sp.SigningCertificates), "La firma della richiesta (HTTP-POST) manca o non è valida con i certificati dei metadati del service provider.");
        Require(root.GetAttribute("Version") == "2.0", "Version diversa da 2.0.");
        var id = root.GetAttribute("ID");
        Require(id.Length > 0, "ID della richiesta mancante.");
        var now = clock.GetUtcNow();
        Require(DateTimeOffset.TryParse(root.GetAttribute("IssueInstant"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issued),
            "IssueInstant mancante o non valido.");
        Require(issued <= now + Skew && issued >= now - TimeSpan.FromMinutes(options.Value.RequestLifetimeMinutes) - Skew,
            $"IssueInstant {root.GetAttribute("IssueInstant")} fuori dalla finestra ammessa.");
        var ssoUrl = addresses.SsoUrl(kind, request);
        Require(root.GetAttribute("Destination") == ssoUrl, $"Destination «{root.GetAttribute("Destination")}» diversa da {ssoUrl}.");
        var issuer = SamlXml.Child(root, SamlXml.Assertion, "Issuer")?.InnerText.Trim();
        Require(issuer == sp.EntityId, $"Issuer «{issuer}» diverso dall'entityID del service provider {sp.EntityId}.");
        if (SamlXml.Child(root, SamlXml.Protocol, "NameIDPolicy")?.GetAttribute("Format") is { Length: > 0 } format)
            Require(format == SamlXml.TransientFormat, $"NameIDPolicy con Format non transient: {format}.");

        string acs;
        if (root.GetAttribute("AssertionConsumerServiceURL") is { Length: > 0 } url)
        {
            Require(sp.AssertionConsumerServices.Values.Contains(url), $"AssertionConsumerServiceURL {url} assente dai metadati del service provider.");
            acs = url;
        }
        else if (root.GetAttribute("AssertionConsumerServiceIndex") is { Length: > 0 } indexText)
        {
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || !sp.AssertionConsumerServices.TryGetValue(index, out var byIndex))
                throw new DevIdpRefusal($"AssertionConsumerServiceIndex {indexText} assente dai metadati del service provider.");
            acs = byIndex;
        }
        else acs = sp.AssertionConsumerServices[sp.DefaultAcsIndex];

        var classRef = SamlXml.Child(root, SamlXml.Protocol, "RequestedAuthnContext") is { } requested
            ? SamlXml.Child(requested, SamlXml.Assertion, "AuthnContextClassRef")?.InnerText : null;
        var level = SamlXml.LevelOf(classRef) ?? throw new DevIdpRefusal($"RequestedAuthnContext assente o con un livello SPID non previsto: «{classRef}».");

        return new ReceivedAuthnRequest(kind.Key, id, sp.EntityId, acs, level, string.IsNullOrEmpty(relayState) ? null : relayState, sp.ServiceName, now);
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition) throw new DevIdpRefusal(reason);
    }
}
