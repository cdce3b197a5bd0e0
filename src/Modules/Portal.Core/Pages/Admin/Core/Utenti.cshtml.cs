using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Core.Pages.Admin.Core;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.ManageUsers")]
public sealed class UtentiModel(CoreDbContext db, PermissionRegistry registry) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<Role> Roles { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Ruolo { get; private set; }

    public string Describe(string permission) => registry.ByName.TryGetValue(permission, out var p) ? p.Description : permission;

    public async Task OnGetAsync(string? q, string? ruolo)
    {
        Q = q;
        Ruolo = ruolo;
        Roles = await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Name).ToListAsync();
        var query = db.Persons.AsNoTracking().Include(p => p.Assignments).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim().ToUpperInvariant();
            query = query.Where(p => p.CodiceFiscale.Contains(t) || p.Cognome.ToUpper().Contains(t) || p.Nome.ToUpper().Contains(t));
        }
        if (!string.IsNullOrWhiteSpace(ruolo))
            query = query.Where(p => p.Assignments.Any(a => a.RoleName == ruolo && a.RevokedUtc == null));
        People = await query.OrderBy(p => p.Cognome).ThenBy(p => p.Nome).Take(500).ToListAsync();
    }
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string s) => s.Length == 0 ? null : s;
}
