using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using System.Text.Json;

namespace Portal.Identity.Apis;

/// <summary>What SP-initiated logout needs of the SAML login (IdP, NameID, SessionIndex), in a protected cookie.</summary>
public sealed record SamlSessionInfo(string IdpKey, string NameId, string? NameQualifier, string? SessionIndex);

public sealed class SamlSessionCookie(IDataProtectionProvider provider)
{
    public const string Name = "portal.saml";
    private readonly IDataProtector _protector = provider.CreateProtector("Portal.Identity.SamlSession");

    public void Write(HttpContext http, SamlSessionInfo info) =>
        http.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(info)), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
        });

    public SamlSessionInfo? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value)) return null;
        try { return JsonSerializer.Deserialize<SamlSessionInfo>(_protector.Unprotect(value)); }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException) { return null; }
    }

    public static void Delete(HttpContext http) => http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
}
