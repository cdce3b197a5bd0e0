using System.Security.Claims;

namespace Portal.Core.Security;

/// <summary>Claim types of the portal session (the same whatever the login: SAML or development).</summary>
public static class PortalClaims
{
    public const string PersonId = "portal:person";
    public const string CodiceFiscale = "portal:cf";
    public const string Role = "portal:role";
    /// <summary>The active role's Italian name, for the header.</summary>
    public const string RoleLabel = "portal:role-label";
    /// <summary>"{ScopeType}:{ScopeValue}", one claim per scope of the active role.</summary>
    public const string Scope = "portal:scope";
    public const string AuthMethod = "portal:amr";
    /// <summary>When the login happened (Unix seconds), for the absolute timeout.</summary>
    public const string LoginAt = "portal:login";
    /// <summary>The server-side session this cookie belongs to (see SessionRecord).</summary>
    public const string SessionId = "portal:sid";
    /// <summary>"true" when the person holds more than one role (the header offers «Cambia ruolo» only then).</summary>
    public const string SeveralRoles = "portal:several-roles";

    public static Guid? GetPersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PersonId), out var id) ? id : null;

    /// <summary>The name recorded as "who" in histories, audit and uploads: the signed-in person's name, or "sistema".</summary>
    public static string ActorName(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && !string.IsNullOrWhiteSpace(user.Identity.Name) ? user.Identity.Name : SystemActor;

    /// <summary>The actor of work nobody asked for in a request (timers, the outbox, recipes).</summary>
    public const string SystemActor = "sistema";

    /// <summary>The person can choose another role for this session (more than one role held at login).</summary>
    public static bool HasSeveralRoles(this ClaimsPrincipal user) => user.HasClaim(SeveralRoles, "true");

    public static string? GetActiveRole(this ClaimsPrincipal user) => user.FindFirstValue(Role);

    public static bool HasScope(this ClaimsPrincipal user, string scopeType, string scopeValue) =>
        user.HasClaim(Scope, $"{scopeType}:{scopeValue}");

    public static IReadOnlyList<string> GetScopes(this ClaimsPrincipal user, string scopeType) =>
        user.FindAll(Scope).Select(c => c.Value)
            .Where(v => v.StartsWith(scopeType + ":", StringComparison.Ordinal))
            .Select(v => v[(scopeType.Length + 1)..]).ToList();
}
