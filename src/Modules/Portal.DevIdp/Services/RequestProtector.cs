using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Portal.DevIdp.Model;

namespace Portal.DevIdp.Services;

/// <summary>
/// Carries a checked AuthnRequest from the SSO endpoint to the person chooser and its form, encrypted and signed with the
/// portal's data-protection keys (shared by every node) and valid only for the request lifetime: nothing kept in memory.
/// </summary>
public sealed class RequestProtector(IDataProtectionProvider provider, IOptions<DevIdpOptions> options)
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Portal.DevIdp.AuthnRequest").ToTimeLimitedDataProtector();

    public string Protect(ReceivedAuthnRequest request) =>
        _protector.Protect(JsonSerializer.Serialize(request), TimeSpan.FromMinutes(options.Value.RequestLifetimeMinutes));

    /// <returns>The request, or null when the token was altered, is of another kind or has expired.</returns>
    public ReceivedAuthnRequest? Unprotect(string? token, string kind)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 16 * 1024) return null;
        try
        {
            var request = JsonSerializer.Deserialize<ReceivedAuthnRequest>(_protector.Unprotect(token));
            return request?.Kind == kind ? request : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
