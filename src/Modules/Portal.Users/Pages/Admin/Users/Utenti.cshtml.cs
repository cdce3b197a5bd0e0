using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Users.Services;

namespace Portal.Users.Pages.Admin.Users;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.ManageUsers")]
public sealed class UtentiModel(IPeople people, IRoleAssignments roles, IPermissionService permissions, PermissionRegistry registry, IPortalSession sessions, Portal.Core.Labels.ILabels labels)
    : PageModel
{
    private const int MaxRows = 500;

    /// <summary>Open sessions per person, for the "Termina le sessioni" button.</summary>
    public IReadOnlyDictionary<Guid, int> OpenSessions { get; private set; } = new Dictionary<Guid, int>();

    [TempData] public string? Esito { get; set; }

    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Holdings { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<RoleInfo> Roles { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Ruolo { get; private set; }

    public string Describe(string permission) => registry.ByName.TryGetValue(permission, out var p) ? p.Description : permission;

    public string DescribeAll(RoleInfo role) =>
        role.Name == PortalRoles.Amministratore ? "Tutti"
        : role.Permissions.Count == 0 ? "Nessun permesso di amministrazione"
        : string.Join(", ", role.Permissions.Select(Describe));

    public async Task OnGetAsync(string? q, string? ruolo, CancellationToken ct)
    {
        Q = q;
        Ruolo = ruolo;
        Roles = await permissions.RolesAsync(ct);
        People = await people.SearchAsync(q, ruolo, MaxRows, ct);
        Holdings = await HoldingsText.OfPeopleAsync(roles, labels, People, ct);
        OpenSessions = await sessions.OpenSessionCountsAsync(People.Select(p => p.Id), ct);
    }

    /// <summary>Ends every open session of the person, on every node (e.g. a lost phone, a revoked operator).</summary>
    public async Task<IActionResult> OnPostTerminaSessioniAsync(Guid personId, string? q, string? ruolo, CancellationToken ct)
    {
        var person = await people.FindAsync(personId, ct);
        if (person is null) return NotFound();
        var ended = await sessions.EndAllAsync(personId, SessionEnd.ByAdministrator, ct);
        Esito = ended == 0 ? $"{person.FullName} non aveva sessioni aperte."
            : $"Terminate {ended} {(ended == 1 ? "sessione aperta" : "sessioni aperte")} di {person.FullName}: alla prossima richiesta dovrà accedere di nuovo.";
        return RedirectToPage(new { q, ruolo });
    }
}
