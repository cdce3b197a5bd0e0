using Microsoft.AspNetCore.Http;
using Portal.Core.Apis;

namespace Portal.Core.Errors;

/// <summary>
/// The API's translation of <see cref="PortalException"/> into Italian problem details. The host applies it to
/// every module's endpoints (<see cref="Modules.PortalModule.MapEndpoints"/> receives a group that has it).
/// </summary>
public static class PortalErrorsApi
{
    public static async ValueTask<object?> TranslateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PortalException e)
        {
            return ToResult(e);
        }
    }

    public static IResult ToResult(PortalException e) => e.Kind switch
    {
        PortalErrorKind.Invalid => ProblemDetailsItalian.Validation(e.Errors.ToDictionary(x => x.Key, x => new[] { x.Value })),
        PortalErrorKind.NotFound => ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, e.Message),
        PortalErrorKind.Forbidden => ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, e.Message),
        PortalErrorKind.TooManyRequests => new RetryLater(ProblemDetailsItalian.Problem(StatusCodes.Status429TooManyRequests, e.Message)),
        _ => ProblemDetailsItalian.Problem(StatusCodes.Status409Conflict, e.Message),
    };

    /// <summary>A 429 says when to come back, as the rate limiter's own refusals do.</summary>
    private sealed class RetryLater(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "60";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
