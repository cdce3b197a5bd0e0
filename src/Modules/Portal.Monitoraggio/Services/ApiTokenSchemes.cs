using Microsoft.AspNetCore.Http;

namespace Portal.Monitoraggio.Services;

/// <summary>The authentication schemes of the enti's API credentials (see <see cref="ApiTokenHandler"/>).</summary>
public static class ApiTokenSchemes
{
    public const string Token = "Monitoraggio.Token";
    /// <summary>The token when the request carries a bearer header, else the portal's session cookie.</summary>
    public const string TokenOrSession = "Monitoraggio.TokenOSessione";
    public const string CredentialClaim = "portal:api-credential";
    /// <summary>How an API client is named as sender in the history: "API: {etichetta}".</summary>
    public const string ActorPrefix = "API: ";

    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
