using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Apis;
using Portal.Core.Security;

namespace Portal.Core.Contracts;

/// <summary>
/// Gate for the services that need a saved Anagrafica (seed 000). Pages use <see cref="RequireAnagraficaAttribute"/>,
/// endpoints <see cref="AnagraficaGateExtensions.RequireAnagrafica{TBuilder}"/>. When no module implements
/// <see cref="IAnagraficaStatus"/> the gate is open.
/// </summary>
public static class AnagraficaGate
{
    /// <summary>The Anagrafica form; takes a local "returnUrl".</summary>
    public const string FormPath = "/anagrafica";

    public const string ProblemDetail = "Prima di usare i servizi occorre salvare i propri dati anagrafici (Anagrafica).";

    public static string FormUrl(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? FormPath : FormPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>True when the signed-in person may use the services (or nothing tracks the Anagrafica).</summary>
    public static async Task<bool> IsOpenAsync(HttpContext http)
    {
        var status = http.RequestServices.GetService<IAnagraficaStatus>();
        if (status is null) return true;
        var personId = http.User.GetPersonId();
        return personId is not null && await status.IsCompleteAsync(personId.Value, http.RequestAborted);
    }
}

/// <summary>
/// On a page model: an anonymous visitor is sent to the login, a person who never saved the
/// Anagrafica to the form (with the page as return URL).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireAnagraficaAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }
        if (!await AnagraficaGate.IsOpenAsync(http))
        {
            context.Result = new RedirectResult(AnagraficaGate.FormUrl(http.Request.PathBase + http.Request.Path + http.Request.QueryString));
            return;
        }
        await next();
    }
}

public static class AnagraficaGateExtensions
{
    /// <summary>API endpoints: 401 when anonymous, 403 problem details until the Anagrafica is saved.</summary>
    public static TBuilder RequireAnagrafica<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true)
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: ProblemDetailsItalian.Title(401),
                    detail: "Accedere al portale per usare il servizio.");
            if (!await AnagraficaGate.IsOpenAsync(http))
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: ProblemDetailsItalian.Title(403),
                    detail: AnagraficaGate.ProblemDetail, type: "https://portale.regione.example/problemi/anagrafica-da-compilare",
                    extensions: new Dictionary<string, object?> { ["anagrafica"] = AnagraficaGate.FormPath });
            return await next(context);
        });
}
