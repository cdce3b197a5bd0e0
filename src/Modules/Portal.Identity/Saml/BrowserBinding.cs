using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Identity.Saml;

/// <summary>
/// Ties a pending AuthnRequest to the browser that started it: the browser keeps a random nonce, the server only
/// its SHA-256. A response to a request started elsewhere (login CSRF) finds no matching nonce and is refused.
/// </summary>
public static class BrowserBinding
{
    public static string NewNonce() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string nonce) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));

    public static bool Matches(string nonce, string? storedHash) =>
        storedHash is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(nonce)), Encoding.ASCII.GetBytes(storedHash));
}
