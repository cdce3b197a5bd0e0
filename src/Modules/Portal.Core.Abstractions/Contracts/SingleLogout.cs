using Microsoft.AspNetCore.Http;

namespace Portal.Core.Contracts;

/// <summary>
/// When the session came from an identity provider, the module that created it returns the address
/// that ends the session there too (SAML single logout); null when there is nothing to end.
/// </summary>
public interface ISingleLogout
{
    Task<string?> EndAsync(HttpContext http);
}
