using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Identity.Providers;
using Portal.Identity.Saml;

namespace Portal.Identity.Apis;

/// <summary>Builds the signed LogoutRequest (HTTP-Redirect) for a session that came from an IdP with single logout.</summary>
public sealed class SamlSingleLogout(SamlSessionCookie samlCookie, IdpRegistry registry, SpCredentials credentials,
    IOptions<IdentityOptions> options, TimeProvider clock) : ISingleLogout
{
    public async Task<string?> EndAsync(HttpContext http)
    {
        var info = samlCookie.Read(http);
        SamlSessionCookie.Delete(http);
        if (info is null || registry.Find(info.IdpKey) is not { } idp
            || !idp.SingleLogout.TryGetValue(SamlNames.HttpRedirect, out var slo)) return null;
        var xml = SamlMessages.LogoutRequest(SamlMessages.NewId(), clock.GetUtcNow(), slo, options.Value.ServiceProvider,
            info.NameId, info.NameQualifier, info.SessionIndex);
        return RedirectBinding.BuildUrl(slo, "SAMLRequest", xml, await credentials.GetAsync());
    }
}
