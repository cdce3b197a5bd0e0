using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Apis;

namespace Portal.Core.Security;

/// <summary>
/// Per-address limits on what can be guessed or hammered: receipt codes on /verifica and the login endpoints.
/// Modules attach a policy to their endpoints (<c>.RequireRateLimiting(RateLimits.Login)</c> or
/// <c>[EnableRateLimiting(RateLimits.Login)]</c> on a page). The counters are per node: that only makes the
/// limit the sum of the nodes', it never refuses a legitimate request on another node.
/// Behind a load balancer, forward the client address (ForwardedHeaders) so each person has their own budget.
/// </summary>
public static class RateLimits
{
    public const string Section = "Portal:RateLimits";
    public const string Verification = "portal.verifica";
    public const string Login = "portal.accesso";

    public sealed class Options
    {
        /// <summary>Receipt verifications per address and minute.</summary>
        public int VerificationsPerMinute { get; set; } = 30;

        /// <summary>Login attempts (forms and SAML requests) per address and minute.</summary>
        public int LoginsPerMinute { get; set; } = 20;

        /// <summary>Cross-checks per signed-in person and hour (<see cref="LookupBudget"/>).</summary>
        public int LookupsPerHour { get; set; } = 60;
    }

    internal static void AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<Options>() ?? new Options();
        services.AddSingleton(new LookupBudget(options.LookupsPerHour));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Verification, c => PerAddress(c, options.VerificationsPerMinute));
            o.AddPolicy(Login, c => PerAddress(c, options.LoginsPerMinute));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits).FullName!)
                    .LogWarning("Troppe richieste da {Address} su {Path}", http.Connection.RemoteIpAddress, http.Request.Path);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api"))
                    await ProblemDetailsItalian.Problem(429, "Troppe richieste in poco tempo: attendere un minuto e riprovare.").ExecuteAsync(http);
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(TooManyPage, ct);
                }
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "sconosciuto", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    private const string TooManyPage = """
        <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Troppe richieste</title></head>
        <body><main><h1>Troppe richieste</h1><p>Hai inviato troppe richieste in poco tempo. Attendi un minuto e riprova.</p><p><a href="/">Torna alla pagina iniziale</a></p></main></body></html>
        """;
}
