using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Hosting;

/// <summary>Response headers every answer carries, and the methods the portal never serves.</summary>
internal static class HttpHardening
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static void UseHttpHardening(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsTrace(method) || string.Equals(method, "TRACK", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Content-Security-Policy"] = ContentSecurityPolicy;
            h["Permissions-Policy"] = PermissionsPolicy;
            // API answers hold personal data: no browser or proxy keeps them.
            if (context.Request.Path.StartsWithSegments("/api")) h.CacheControl = "no-store";
            if (NulInQuery(context.Request) is { } field)
            {
                await RefuseNulAsync(context, field);
                return;
            }
            await next();
        });

    /// <summary>
    /// The name of a query parameter holding a NUL character (%00), if any. No field of the portal takes one, and
    /// PostgreSQL cannot even compare text with it (22021: a search with "?q=%00" failed with a 500).
    /// Only /saml2 is left to its own checks.
    /// </summary>
    internal static string? NulInQuery(HttpRequest request)
    {
        // The SAML endpoints read and refuse their own query under the protocol's rules (a malformed logout request goes home).
        if (request.Path.StartsWithSegments("/saml2")) return null;
        if (!request.QueryString.HasValue || !request.QueryString.Value!.Contains("%00", StringComparison.Ordinal)) return null;
        foreach (var (key, values) in request.Query)
        {
            if (key.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                return key.Replace("\0", "", StringComparison.Ordinal);
        }
        return null;
    }

    /// <summary>A 400 in Italian: problem details naming the field for the API, the error page for the pages.</summary>
    private static Task RefuseNulAsync(HttpContext context, string field)
    {
        var message = $"Il parametro «{field}» contiene un carattere non ammesso (NUL).";
        if (context.Request.Path.StartsWithSegments("/api"))
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
                title: Apis.ProblemDetailsItalian.Title(StatusCodes.Status400BadRequest), detail: message).ExecuteAsync(context);
        // The status code pages show the Italian error page for the 400.
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }
}
