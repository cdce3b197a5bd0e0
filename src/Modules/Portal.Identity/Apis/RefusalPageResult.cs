using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Identity.Apis;

/// <summary>
/// Answers with the Italian SAML error page (/saml2/errore) and a 4xx status, in place: a request that cannot be
/// read at all gets its status code and the same page a refused response is redirected to.
/// </summary>
internal sealed class RefusalPageResult(int statusCode, string userCode) : IResult
{
    public const string PagePath = "/saml2/errore";

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext http)
    {
        var page = ErrorPageEndpoint(http.RequestServices);
        var request = http.Request;
        request.Method = HttpMethods.Get;
        request.Path = PagePath;
        request.QueryString = QueryString.Create("codice", userCode);
        request.RouteValues = new RouteValueDictionary(page.RoutePattern.RequiredValues);
        http.SetEndpoint(page);
        http.Response.StatusCode = statusCode;
        await page.RequestDelegate!(http);
    }

    private static RouteEndpoint ErrorPageEndpoint(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/Identity/Errore");
}
