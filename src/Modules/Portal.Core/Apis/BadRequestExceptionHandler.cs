using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Portal.Core.Apis;

/// <summary>
/// API requests the framework could not read are answered with Italian problem details and logged as what they
/// are (the client's mistake, a Warning without stack trace). Pages get the error page with the right status.
/// </summary>
internal sealed class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var refusal = BadRequestTranslation.Describe(bad);
        logger.LogWarning("Richiesta non leggibile {Method} {Path}: {Status} {Reason}", context.Request.Method, context.Request.Path, refusal.Status, bad.Message);
        if (!context.Request.Path.StartsWithSegments("/api")) return false;
        context.Response.StatusCode = refusal.Status;
        await BadRequestTranslation.ToResult(refusal).ExecuteAsync(context);
        return true;
    }
}
