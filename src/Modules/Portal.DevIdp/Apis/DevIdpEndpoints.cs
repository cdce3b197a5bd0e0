using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DevIdp.Model;
using Portal.DevIdp.Services;

namespace Portal.DevIdp.Apis;

/// <summary>The test IdP's metadata, one entity per kind; its single sign-on service is the page Pages/DevIdp/Sso.</summary>
public static class DevIdpEndpoints
{
    public static void MapDevIdpEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var idp = endpoints.MapGroup("/dev-idp/{kind}").ExcludeFromDescription();
        idp.MapGet("/metadata", Metadata);
    }

    private static IResult Metadata(string kind, HttpContext http, DevIdpAddresses addresses, DevIdpKeys keys)
    {
        if (DevIdpKind.Find(kind) is not { } k) return Results.NotFound();
        var xml = IdpMetadataWriter.Write(addresses.EntityId(k, http.Request), addresses.SsoUrl(k, http.Request), k.DisplayName + " (ambiente di sviluppo)", keys.Certificate);
        return Results.Text(xml, "application/samlmetadata+xml");
    }
}
