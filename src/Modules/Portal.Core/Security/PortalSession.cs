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

    public async Task<SignInOutcome> SignInAsync(HttpContext http, Person person, string authMethod)
    {
        person.LastLoginUtc = clock.GetUtcNow().UtcDateTime;
        db.Update(person);
        await db.SaveChangesAsync();
        var choices = await GetRoleChoicesAsync(person.Id);
        var single = choices.Count == 1 ? choices[0] : null;
        await IssueAsync(http, person, authMethod, single, clock.GetUtcNow().ToUnixTimeSeconds());
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
        await IssueAsync(http, person, method, choices.First(c => c.RoleName == roleName), loginAt);
        await audit.RecordAsync("CambioRuolo", $"Persona {person.CodiceFiscale}",
            $"Da {previous ?? "(nessuno)"} a {roleName}", person, roleName);
        return true;
    }

    public async Task SignOutAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
            await audit.RecordAsync("Uscita", $"Persona {http.User.FindFirstValue(PortalClaims.CodiceFiscale)}", null);
        await http.SignOutAsync(Scheme);
    }

    private static async Task IssueAsync(HttpContext http, Person person, string method, RoleChoice? role, long loginAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.FullName),
            new(PortalClaims.PersonId, person.Id.ToString()),
            new(PortalClaims.CodiceFiscale, person.CodiceFiscale),
            new(PortalClaims.AuthMethod, method),
            new(PortalClaims.LoginAt, loginAt.ToString(CultureInfo.InvariantCulture)),
        };
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
