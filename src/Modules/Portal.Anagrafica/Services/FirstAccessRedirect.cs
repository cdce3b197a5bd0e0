using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Anagrafica.Services;

/// <summary>
/// After a login that lands on the home page, a citizen who never saved the Anagrafica is sent to
/// the form instead (seed 001, "Primo accesso"). An explicit return URL is honoured: the services
/// behind it are gated by <see cref="RequireAnagraficaAttribute"/> anyway.
/// </summary>
internal sealed class FirstAccessRedirect : IPostConfigureOptions<CookieAuthenticationOptions>
{
    /// <summary>The portal session's cookie scheme (Portal.Core's PortalSession.Scheme).</summary>
    public const string Scheme = "Portal";

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != Scheme) return;
        var previous = options.Events.OnSignedIn;
        options.Events.OnSignedIn = async context =>
        {
            await previous(context);
            var principal = context.Principal;
            if (principal?.GetActiveRole() != PortalRoles.Cittadino || principal.GetPersonId() is not Guid personId) return;
            var http = context.HttpContext;
            http.Response.OnStarting(async () =>
            {
                if (http.Response.StatusCode != StatusCodes.Status302Found || http.Response.Headers.Location != "/") return;
                var status = http.RequestServices.GetRequiredService<IAnagraficaStatus>();
                if (!await status.IsCompleteAsync(personId, http.RequestAborted))
                    http.Response.Headers.Location = AnagraficaGate.FormPath;
            });
        };
    }
}
