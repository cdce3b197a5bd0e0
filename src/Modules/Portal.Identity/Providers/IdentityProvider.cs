using System.Security.Cryptography.X509Certificates;

namespace Portal.Identity.Providers;

/// <summary>An IdP as read from its SAML metadata.</summary>
public sealed record IdentityProvider(
    string Key,
    string DisplayName,
    string Kind,
    string EntityId,
    IReadOnlyDictionary<string, string> SingleSignOn,
    IReadOnlyDictionary<string, string> SingleLogout,
    IReadOnlyList<X509Certificate2> SigningCertificates);
