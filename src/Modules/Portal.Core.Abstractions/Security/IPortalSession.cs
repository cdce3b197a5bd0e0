using Microsoft.AspNetCore.Http;

namespace Portal.Core.Security;

public sealed record RoleChoice(string RoleName, string DisplayName, IReadOnlyList<string> Scopes);

public enum SignInOutcome
{
    SignedIn,
    RoleChoiceNeeded,
}

/// <summary>
/// Creates and changes the portal session. SAML logins and the development login both end here,
/// so both produce the same claims.
/// </summary>
public interface IPortalSession
{
    /// <summary>Starts a session for the person (known to <see cref="IPeople"/>), logged in with this method.</summary>
    Task<SignInOutcome> SignInAsync(HttpContext http, Guid personId, string authMethod);
    Task<IReadOnlyList<RoleChoice>> GetRoleChoicesAsync(Guid personId);
    Task<bool> ChooseRoleAsync(HttpContext http, string roleName);
    Task SignOutAsync(HttpContext http);

    /// <summary>Ends every open session of the person, on every node (their next request is anonymous).</summary>
    /// <returns>How many sessions were ended.</returns>
    Task<int> EndAllAsync(Guid personId, string reason, CancellationToken ct = default);

    /// <summary>How many sessions each of these people has open (people without any are absent).</summary>
    Task<IReadOnlyDictionary<Guid, int>> OpenSessionCountsAsync(IEnumerable<Guid> personIds, CancellationToken ct = default);
}

/// <summary>Why a session ended, as recorded with it and told to administrators.</summary>
public static class SessionEnd
{
    public const string Logout = "uscita";
    public const string Idle = "inattività";
    public const string Absolute = "durata massima";
    public const string ByAdministrator = "terminata dall'amministratore";
}
