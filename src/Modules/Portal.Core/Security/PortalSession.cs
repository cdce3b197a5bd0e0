using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Security;

internal sealed class PortalSession(CoreDbContext db, IAuditTrail audit, TimeProvider clock) : IPortalSession
{
    public const string Scheme = "Portal";

    public async Task<SignInOutcome> SignInAsync(HttpContext http, Guid personId, string authMethod)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId)
            ?? throw new InvalidOperationException($"La persona {personId} non esiste.");
        person.LastLoginUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        var choices = await GetRoleChoicesAsync(person.Id);
        var single = choices.Count == 1 ? choices[0] : null;
        var now = clock.GetUtcNow();
        var record = new SessionRecord
        {
            PersonId = person.Id, CreatedUtc = now.UtcDateTime, LastSeenUtc = now.UtcDateTime, AuthMethod = authMethod,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        db.Sessions.Add(record);
        await db.SaveChangesAsync();
        await IssueAsync(http, person, authMethod, single, choices.Count > 1, now.ToUnixTimeSeconds(), record.Id);
        await audit.RecordAsync("Accesso", $"Persona {person.CodiceFiscale}", $"Metodo: {authMethod}", person);
        return single is null ? SignInOutcome.RoleChoiceNeeded : SignInOutcome.SignedIn;
    }

    public async Task<IReadOnlyList<RoleChoice>> GetRoleChoicesAsync(Guid personId)
    {
        var assignments = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.PersonId == personId && a.RevokedUtc == null).ToListAsync();
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.DisplayName);
        var choices = new List<RoleChoice>
        {
            new(PortalRoles.Cittadino, roles.GetValueOrDefault(PortalRoles.Cittadino, "Cittadino"), []),
        };
        foreach (var group in assignments.Where(a => a.RoleName != PortalRoles.Cittadino && roles.ContainsKey(a.RoleName))
                     .GroupBy(a => a.RoleName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var scopes = group.Where(a => a.ScopeType != null)
                .Select(a => $"{a.ScopeType}:{a.ScopeValue}").Distinct().Order(StringComparer.Ordinal).ToList();
            choices.Add(new RoleChoice(group.Key, roles[group.Key], scopes));
        }
        return choices;
    }

    public async Task<bool> ChooseRoleAsync(HttpContext http, string roleName)
    {
        var personId = http.User.GetPersonId();
        if (personId is null) return false;
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId);
        if (person is null) return false;
        var choices = await GetRoleChoicesAsync(person.Id);
        if (choices.All(c => c.RoleName != roleName)) return false;
        var loginAt = long.TryParse(http.User.FindFirstValue(PortalClaims.LoginAt), out var l)
            ? l : clock.GetUtcNow().ToUnixTimeSeconds();
        var method = http.User.FindFirstValue(PortalClaims.AuthMethod) ?? "sconosciuto";
        var previous = http.User.GetActiveRole();
        if (!Guid.TryParse(http.User.FindFirstValue(PortalClaims.SessionId), out var sessionId)) return false;
        await IssueAsync(http, person, method, choices.First(c => c.RoleName == roleName), choices.Count > 1, loginAt, sessionId);
        await audit.RecordAsync("CambioRuolo", $"Persona {person.CodiceFiscale}",
            $"Da {previous ?? "(nessuno)"} a {roleName}", person, roleName);
        return true;
    }

    public async Task SignOutAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            if (Guid.TryParse(http.User.FindFirstValue(PortalClaims.SessionId), out var sessionId))
                await EndAsync(db.Sessions.Where(s => s.Id == sessionId), SessionEnd.Logout);
            await audit.RecordAsync("Uscita", $"Persona {http.User.FindFirstValue(PortalClaims.CodiceFiscale)}", null);
        }
        await http.SignOutAsync(Scheme);
    }

    public async Task<int> EndAllAsync(Guid personId, string reason, CancellationToken ct = default)
    {
        var ended = await EndAsync(db.Sessions.Where(s => s.PersonId == personId), reason, ct);
        var cf = await db.Persons.Where(p => p.Id == personId).Select(p => p.CodiceFiscale).FirstOrDefaultAsync(ct);
        await audit.RecordAsync("Sessioni.Terminate", $"Persona {cf ?? personId.ToString()}", $"{ended} sessioni aperte terminate: {reason}.");
        return ended;
    }

    public async Task<IReadOnlyDictionary<Guid, int>> OpenSessionCountsAsync(IEnumerable<Guid> personIds, CancellationToken ct = default)
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var chunk in personIds.Distinct().Chunk(500))
            foreach (var row in await db.Sessions.AsNoTracking().Where(s => s.EndedUtc == null && chunk.Contains(s.PersonId))
                         .GroupBy(s => s.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                counts[row.Key] = row.Count;
        return counts;
    }

    private Task<int> EndAsync(IQueryable<SessionRecord> sessions, string reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return sessions.Where(s => s.EndedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtc, now).SetProperty(s => s.EndReason, reason), ct);
    }

    private static async Task IssueAsync(HttpContext http, Person person, string method, RoleChoice? role, bool severalRoles, long loginAt, Guid sessionId)
    {
        var claims = new List<Claim>
        {
            new(PortalClaims.SessionId, sessionId.ToString()),
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.FullName),
            new(PortalClaims.PersonId, person.Id.ToString()),
            new(PortalClaims.CodiceFiscale, person.CodiceFiscale),
            new(PortalClaims.AuthMethod, method),
            new(PortalClaims.LoginAt, loginAt.ToString(CultureInfo.InvariantCulture)),
        };
        if (severalRoles) claims.Add(new Claim(PortalClaims.SeveralRoles, "true"));
        if (role is not null)
        {
            claims.Add(new Claim(PortalClaims.Role, role.RoleName));
            claims.Add(new Claim(PortalClaims.RoleLabel, role.DisplayName));
            claims.AddRange(role.Scopes.Select(s => new Claim(PortalClaims.Scope, s)));
        }
        var identity = new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, PortalClaims.Role);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }
}
