using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Apis;
using Portal.Core.Settings;

namespace Portal.Core.Security;

/// <summary>Address ranges in CIDR notation (IPv4 and IPv6); a bare address is a one-address range.</summary>
public static class NetworkRanges
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }

    /// <summary>An IPv4 client seen through a dual-stack socket (::ffff:a.b.c.d) matches IPv4 ranges too.</summary>
    public static bool Contains(IEnumerable<string> ranges, IPAddress? address)
    {
        if (address is null) return false;
        var candidates = address.IsIPv4MappedToIPv6 ? new[] { address, address.MapToIPv4() } : [address];
        foreach (var range in ranges)
        {
            if (TryParse(range, out var network) && candidates.Any(network.Contains)) return true;
        }
        return false;
    }
}

/// <summary>
/// Seed 003 keeps the officials' reporting point on the regional intranet. When the setting
/// FunzionarioNetworks lists ranges, a session acting as Funzionario from elsewhere gets 403 (an Italian page,
/// or problem details for the API); logging out, changing role and error pages stay reachable.
/// The client address is the connection's: forwarded headers count only if the host is configured for them.
/// </summary>
public static class FunzionarioNetworkRestriction
{
    public const string DeniedItem = "portal:rete-non-consentita";

    public const string Explanation =
        "Con il ruolo di funzionario regionale il portale si usa solo dalla rete intranet della Regione. " +
        "Collegati dalla rete dell'ufficio (o tramite la VPN regionale) oppure cambia ruolo.";

    private static readonly string[] AlwaysAllowed = ["/esci", "/scelta-ruolo", "/errore", "/accesso-negato", "/health", "/saml2/logout", "/_content"];

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (context.User.GetActiveRole() != PortalRoles.Funzionario
            || AlwaysAllowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next();
            return;
        }
        var settings = await context.RequestServices.GetRequiredService<ISiteSettings>().GetAsync(context.RequestAborted);
        if (settings.FunzionarioNetworks.Count == 0 || NetworkRanges.Contains(settings.FunzionarioNetworks, context.Connection.RemoteIpAddress))
        {
            await next();
            return;
        }
        context.Items[DeniedItem] = true;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, Explanation).ExecuteAsync(context);
            return;
        }
        // The status-code page (/errore/403) shows the explanation.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
