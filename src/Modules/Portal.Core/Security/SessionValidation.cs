using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Security;

public sealed class SessionOptions
{
    public const string Section = "Portal:Session";

    /// <summary>Minutes without requests after which the session ends.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Hours after login after which the session ends whatever the activity.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 8;

    /// <summary>Allow the cookie on plain http (development and loopback tests only).</summary>
    public bool AllowHttp { get; set; }
}

/// <summary>
/// On every request: the cookie's server-side session must be open (not logged out, not ended by an
/// administrator, within the idle and absolute timeouts) and the active role still held; a scope written into the
/// cookie at login (a Comune, an ente) whose assignment has since been revoked is dropped from the principal, so it stops
/// working on the next request while the scopes still held keep working.
/// </summary>
internal static class SessionValidation
{
    /// <summary>Last-seen is written at most this often, not on every request.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        if (user is null) return;
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SessionOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var personId = user.GetPersonId();
        if (personId is null || !Guid.TryParse(user.FindFirst(PortalClaims.SessionId)?.Value, out var sessionId))
        {
            context.RejectPrincipal();
            return;
        }
        var db = services.GetRequiredService<CoreDbContext>();
        var role = user.GetActiveRole();
        // One round trip (PostgreSQL): the session, whether the active role is still held, and the role's grants for this request's
        // permission checks (read per request as before; see PermissionService).
        var grantsOf = role is null or PortalRoles.Amministratore ? "" : role;
        var citizen = role is null or PortalRoles.Cittadino;
        var cookieScopes = citizen ? [] : user.FindAll(PortalClaims.Scope).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        // One string parameter rather than a collection: the compiled query keeps one shape whatever the number of scopes.
        var scopeList = cookieScopes.Count == 0 ? "" : ScopeSeparator + string.Join(ScopeSeparator, cookieScopes) + ScopeSeparator;
        // SQLite cannot join the grants to the session (no APPLY); there a round trip costs no network, so they are read apart.
        var found = db.Database.IsNpgsql()
            ? await SessionWithGrants(db, sessionId, personId.Value, role, grantsOf, citizen, scopeList, CancellationToken.None)
            : await SessionAlone(db, sessionId, personId.Value, role, citizen, scopeList, CancellationToken.None);
        var ended = found is null || found.EndedUtc is not null ? "" // already ended (or never existed): nothing to write
            : now - found.CreatedUtc > TimeSpan.FromHours(options.AbsoluteTimeoutHours) ? SessionEnd.Absolute
            : now - found.LastSeenUtc > TimeSpan.FromMinutes(options.IdleTimeoutMinutes) ? SessionEnd.Idle
            : null;
        if (ended is not null)
        {
            if (ended.Length > 0)
                await db.Sessions.Where(s => s.Id == sessionId && s.EndedUtc == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtc, now).SetProperty(s => s.EndReason, ended));
            context.RejectPrincipal();
            return;
        }
        if (!found!.StillValid)
        {
            context.RejectPrincipal();
            return;
        }
        if (found.ScopesHeld < cookieScopes.Count)
        {
            // Rare (a scope revoked during this session): read which are left and rewrite the cookie without the others.
            var held = await db.RoleAssignments.AsNoTracking()
                .Where(a => a.PersonId == personId && a.RoleName == role && a.RevokedUtc == null && a.ScopeType != null)
                .Select(a => a.ScopeType + ":" + (a.ScopeValue ?? "")).ToListAsync();
            var identity = user.Identities.First();
            context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(
                user.Claims.Where(c => c.Type != PortalClaims.Scope || held.Contains(c.Value, StringComparer.Ordinal)),
                identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType)));
            context.ShouldRenew = true;
        }
        if (found.Grants is not null && role is not null && role != PortalRoles.Amministratore
            && services.GetService<IPermissionService>() is PermissionService permissions)
            permissions.Prime(role, found.Grants);
        if (now - found.LastSeenUtc >= TouchEvery)
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenUtc, now));
    }

    private const string ScopeSeparator = "\n";

    // Compiled: this query runs on every request of a signed-in user. ScopesHeld counts the cookie's scopes (scopeList, each
    // between separators) that an active assignment of the role still grants.
    private static readonly Func<CoreDbContext, Guid, Guid, string?, string, bool, string, CancellationToken, Task<SessionCheck?>> SessionWithGrants =
        EF.CompileAsyncQuery((CoreDbContext db, Guid sessionId, Guid personId, string? role, string grantsOf, bool citizen, string scopeList, CancellationToken ct) =>
            db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.PersonId == personId)
                .Select(s => new SessionCheck(s.CreatedUtc, s.LastSeenUtc, s.EndedUtc,
                    citizen ? db.Persons.Any(p => p.Id == personId)
                        : db.RoleAssignments.Any(a => a.PersonId == personId && a.RoleName == role && a.RevokedUtc == null),
                    scopeList == "" ? 0
                        : db.RoleAssignments.Where(a => a.PersonId == personId && a.RoleName == role && a.RevokedUtc == null && a.ScopeType != null)
                            .Select(a => a.ScopeType + ":" + (a.ScopeValue ?? ""))
                            .Where(v => scopeList.Contains(ScopeSeparator + v + ScopeSeparator)).Distinct().Count(),
                    db.RolePermissions.Where(p => p.RoleName == grantsOf).Select(p => p.PermissionName).ToList()))
                .FirstOrDefault());

    private static readonly Func<CoreDbContext, Guid, Guid, string?, bool, string, CancellationToken, Task<SessionCheck?>> SessionAlone =
        EF.CompileAsyncQuery((CoreDbContext db, Guid sessionId, Guid personId, string? role, bool citizen, string scopeList, CancellationToken ct) =>
            db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.PersonId == personId)
                .Select(s => new SessionCheck(s.CreatedUtc, s.LastSeenUtc, s.EndedUtc,
                    citizen ? db.Persons.Any(p => p.Id == personId)
                        : db.RoleAssignments.Any(a => a.PersonId == personId && a.RoleName == role && a.RevokedUtc == null),
                    scopeList == "" ? 0
                        : db.RoleAssignments.Where(a => a.PersonId == personId && a.RoleName == role && a.RevokedUtc == null && a.ScopeType != null)
                            .Select(a => a.ScopeType + ":" + (a.ScopeValue ?? ""))
                            .Where(v => scopeList.Contains(ScopeSeparator + v + ScopeSeparator)).Distinct().Count(),
                    null))
                .FirstOrDefault());

    private sealed record SessionCheck(DateTime CreatedUtc, DateTime LastSeenUtc, DateTime? EndedUtc, bool StillValid, int ScopesHeld, List<string>? Grants);
}
