using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Apis;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Services;

/// <summary>
/// Seed 003 keeps the officials' reporting point on the regional intranet. When intranet ranges are set
/// (<see cref="IntranetNetworks"/>), a session acting as Funzionario from elsewhere gets 403 (an Italian page, or
/// problem details for the API); logging out, changing role and error pages stay reachable.
/// The client address is the connection's: forwarded headers count only if the host is configured for them.
/// </summary>
internal static class FunzionarioNetworkRestriction
{
    public static readonly AccessDenial Denial = new("Accesso consentito solo dalla intranet",
        "Con il ruolo di funzionario regionale il portale si usa solo dalla rete intranet della Regione. " +
        "Collegati dalla rete dell'ufficio (o tramite la VPN regionale) oppure cambia ruolo.");

    private static readonly string[] AlwaysAllowed = ["/esci", "/scelta-ruolo", "/errore", "/accesso-negato", "/health", "/saml2/logout", "/_content"];

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (context.User.GetActiveRole() != PortalRoles.Funzionario
            || AlwaysAllowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next();
            return;
        }
        var networks = await context.RequestServices.GetRequiredService<IntranetNetworks>().GetAsync(context.RequestAborted);
        if (networks.Count == 0 || NetworkRanges.Contains(networks, context.Connection.RemoteIpAddress))
        {
            await next();
            return;
        }
        context.Items[AccessDenial.Item] = Denial;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, Denial.Message).ExecuteAsync(context);
            return;
        }
        // The status-code page (/errore/403) shows the explanation.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
