using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Portal.Core.Apis;

namespace Portal.Core.Security;

/// <summary>
/// A state-changing API call authenticated by the session cookie must come from the portal's own pages:
/// the browser's Sec-Fetch-Site must say "same-origin" and its Origin must be the portal's, and the body may
/// not be one a cross-site form can send unannounced (text/plain, urlencoded). SameSite=Lax stops other
/// sites, not a sibling subdomain or another port of the same host; these checks do. Clients that send
/// neither header are not browsers, so no other site can make them carry the person's cookie.
/// </summary>
internal static class ApiCsrfProtection
{
    public const string SessionCookie = "portal.sessione";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || !request.Cookies.ContainsKey(SessionCookie))
        {
            await next(context);
            return;
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "La richiesta non proviene dalle pagine del portale: operazione rifiutata.");
            return;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwnOrigin(context, origin))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "La richiesta proviene da un altro sito: operazione rifiutata.");
            return;
        }
        var type = request.ContentType ?? "";
        if (type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType,
                "Formato non accettato: inviare i dati come JSON (application/json) o i file come multipart/form-data.");
            return;
        }
        await next(context);
    }

    private static bool IsOwnOrigin(HttpContext context, string origin)
    {
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)) return true;
        var publicBase = context.RequestServices.GetService(typeof(IConfiguration)) is IConfiguration c ? c["Portal:PublicBaseUrl"] : null;
        return Uri.TryCreate(publicBase, UriKind.Absolute, out var u)
               && string.Equals(origin, u.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }

    private static Task RefuseAsync(HttpContext context, int status, string detail) =>
        ProblemDetailsItalian.Problem(status, detail).ExecuteAsync(context);
}
