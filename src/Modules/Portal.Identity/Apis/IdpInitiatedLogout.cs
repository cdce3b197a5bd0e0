using System.Globalization;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Security;
using Portal.Identity.Providers;
using Portal.Identity.Saml;

namespace Portal.Identity.Apis;

/// <summary>
/// The SLO endpoint. A LogoutResponse (the IdP's answer to our own LogoutRequest) only leads home: the
/// session ended before the request left. A LogoutRequest from an IdP (the person logged out of another
/// service) ends the portal session only when its redirect-binding signature is the IdP's, it is meant
/// for us, fresh, and names the NameID of this browser's SAML session; the IdP then gets a signed LogoutResponse.
/// A forged link therefore ends nothing.
/// </summary>
internal static class IdpInitiatedLogout
{
    /// <summary>A signed LogoutRequest in the redirect binding takes a few kilobytes; anything much longer is refused unread.</summary>
    public const int MaxQueryChars = 16 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, IdpRegistry registry, SamlSessionCookie samlCookie, IPortalSession session,
        SpCredentials credentials, IOptions<IdentityOptions> options, IAuditTrail audit, TimeProvider clock)
    {
        var raw = http.Request.QueryString.Value ?? "";
        if (!HttpMethods.IsGet(http.Request.Method) || !raw.Contains("SAMLRequest=", StringComparison.Ordinal)) return Results.Redirect("/");
        if (raw.Length > MaxQueryChars)
        {
            await audit.RecordAsync("Uscita.Rifiutata", "SAML LogoutRequest", $"Query string troppo lunga: {raw.Length} caratteri (al massimo {MaxQueryChars}).");
            return new RefusalPageResult(StatusCodes.Status400BadRequest, SpidErrors.Logout);
        }

        var (idp, xml) = registry.All
            .Select(p => (Idp: p, Xml: RedirectBinding.VerifiedMessage(raw, "SAMLRequest", p.SigningCertificates)))
            .FirstOrDefault(x => x.Xml is not null);
        var o = options.Value;
        var request = idp is null || xml is null ? null : Parse(xml, o.MaxResponseBytes);
        var refusal = idp is null || request is null ? "firma assente o non di un IdP configurato"
            : request.Issuer != idp.EntityId ? $"Issuer {request.Issuer} diverso da {idp.EntityId}"
            : request.Destination != o.ServiceProvider.SloUrl ? $"Destination {request.Destination} diversa da {o.ServiceProvider.SloUrl}"
            : Math.Abs((clock.GetUtcNow() - request.IssueInstant).TotalSeconds) > o.ClockSkewSeconds ? "IssueInstant fuori tolleranza"
            : null;
        if (refusal is not null)
        {
            await audit.RecordAsync("Uscita.Rifiutata", "SAML LogoutRequest", refusal);
            return Results.Redirect("/");
        }

        var current = samlCookie.Read(http);
        if (current is not null && current.IdpKey == idp!.Key && current.NameId == request!.NameId)
        {
            await audit.RecordAsync("Uscita", $"IdP {idp.Key}", "Uscita richiesta dall'identity provider (single logout)");
            await session.SignOutAsync(http);
            SamlSessionCookie.Delete(http);
        }
        if (!idp!.SingleLogout.TryGetValue(SamlNames.HttpRedirect, out var slo)) return Results.Redirect("/");
        var response = SamlMessages.LogoutResponse(SamlMessages.NewId(), clock.GetUtcNow(), slo, o.ServiceProvider, request!.Id);
        var relayState = http.Request.Query["RelayState"].ToString();
        return Results.Redirect(RedirectBinding.BuildUrl(slo, "SAMLResponse", response, await credentials.GetAsync(),
            string.IsNullOrEmpty(relayState) ? null : relayState));
    }

    private sealed record LogoutRequestInfo(string Id, string Issuer, string Destination, DateTimeOffset IssueInstant, string NameId);

    private static LogoutRequestInfo? Parse(string xml, int maxChars)
    {
        XmlDocument doc;
        try { doc = SafeXml.Load(xml, maxChars); }
        catch (Exception e) when (e is XmlException or InvalidOperationException) { return null; }
        var root = doc.DocumentElement;
        if (root is null || root.LocalName != "LogoutRequest" || root.NamespaceURI != SamlNames.Protocol) return null;
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("saml", SamlNames.Assertion);
        var issuer = root.SelectSingleNode("saml:Issuer", ns)?.InnerText.Trim();
        var nameId = root.SelectSingleNode("saml:NameID", ns)?.InnerText.Trim();
        var id = root.GetAttribute("ID");
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(nameId) || string.IsNullOrEmpty(id)
            || !DateTimeOffset.TryParse(root.GetAttribute("IssueInstant"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return null;
        return new LogoutRequestInfo(id, issuer, root.GetAttribute("Destination"), instant, nameId);
    }
}
