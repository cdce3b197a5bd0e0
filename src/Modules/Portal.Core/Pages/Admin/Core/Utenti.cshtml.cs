using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Core.Pages.Admin.Core;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.ManageUsers")]
public sealed class UtentiModel(CoreDbContext db, PermissionRegistry registry, IPortalSession sessions) : PageModel
{
    /// <summary>Open sessions per person, for the "Termina le sessioni" button.</summary>
    public IReadOnlyDictionary<Guid, int> OpenSessions { get; private set; } = new Dictionary<Guid, int>();

    [TempData] public string? Esito { get; set; }

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
        var ids = People.Select(p => p.Id).ToList();
        OpenSessions = await db.Sessions.AsNoTracking().Where(s => s.EndedUtc == null && ids.Contains(s.PersonId))
            .GroupBy(s => s.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
    }

    /// <summary>Ends every open session of the person, on every node (e.g. a lost phone, a revoked operator).</summary>
    public async Task<IActionResult> OnPostTerminaSessioniAsync(Guid personId, string? q, string? ruolo, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return NotFound();
        var ended = await sessions.EndAllAsync(personId, SessionEnd.ByAdministrator, ct);
        Esito = ended == 0 ? $"{person.FullName} non aveva sessioni aperte."
            : $"Terminate {ended} {(ended == 1 ? "sessione aperta" : "sessioni aperte")} di {person.FullName}: alla prossima richiesta dovrà accedere di nuovo.";
        return RedirectToPage(new { q, ruolo });
    }
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string s) => s.Length == 0 ? null : s;
}
