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
            await next();
        });
}
