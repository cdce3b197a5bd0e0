using Microsoft.AspNetCore.Http;
using Portal.Identity.Saml;

namespace Portal.Identity.Apis;

/// <summary>
/// The cookie holding the <see cref="BrowserBinding"/> nonce of one pending AuthnRequest, named after the request so
/// that logins started in two tabs do not overwrite each other. The IdP's POST to the ACS is cross-site, hence
/// SameSite=None, which browsers accept only with Secure (also on http://localhost); HttpOnly; sent to the ACS only;
/// it lives as long as the request can be answered and the ACS deletes it.
/// </summary>
internal static class LoginBindingCookie
{
    public const string Prefix = "portal.saml.richiesta.";
    public const string CookiePath = "/saml2/acs";

    /// <summary>Request ids are ours (<see cref="SamlMessages.NewId"/>: "_" and hex digits), safe in a cookie name.</summary>
    public static string NameFor(string requestId) => Prefix + requestId;

    /// <summary>Gives this browser a fresh nonce for the request and returns the hash to keep with it.</summary>
    public static string Issue(HttpContext http, string requestId, TimeSpan lifetime)
    {
        var nonce = BrowserBinding.NewNonce();
        http.Response.Cookies.Append(NameFor(requestId), nonce, Options(lifetime));
        return BrowserBinding.Hash(nonce);
    }

    public static string? Read(HttpContext http, string requestId) =>
        http.Request.Cookies.TryGetValue(NameFor(requestId), out var nonce) && nonce.Length > 0 ? nonce : null;

    public static void Delete(HttpContext http, string requestId)
    {
        if (http.Request.Cookies.ContainsKey(NameFor(requestId)))
            http.Response.Cookies.Delete(NameFor(requestId), Options(null));
    }

    private static CookieOptions Options(TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.None,
        Path = CookiePath,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
