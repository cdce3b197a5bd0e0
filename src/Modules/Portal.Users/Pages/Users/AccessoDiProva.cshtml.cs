using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Pages.Core;
using Portal.Core.Security;
using Portal.Users.Services;

namespace Portal.Users.Pages.Users;

/// <summary>
/// Development login: only when <see cref="DevLoginSwitch"/> is on (never in Production). Enter as a demo person,
/// or as any codice fiscale (the test login: created if new, with a saved Anagrafica).
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
public sealed class AccessoDiProvaModel(DevLoginSwitch devLogin, IPeople people, IRoleAssignments roles, RegionComuni comuni, IPortalSession session,
    TestLogin login, Portal.Core.Labels.ILabels labels) : PageModel
{
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Roles { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<Comune> Comuni { get; private set; } = [];
    public string? ReturnUrl { get; private set; }

    [BindProperty] public TestPersonInput Nuova { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (!devLogin.Enabled) return NotFound();
        await LoadAsync(returnUrl, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, string? returnUrl, CancellationToken ct)
    {
        if (!devLogin.Enabled) return NotFound();
        var person = await people.FindAsync(personId, ct);
        if (person is not { IsDemo: true }) return NotFound();
        return Next(await session.SignInAsync(HttpContext, person.Id, TestLogin.AuthMethod), returnUrl);
    }

    /// <summary>"Entra con un'altra persona": the same as POST /api/v1/prova/accesso.</summary>
    public async Task<IActionResult> OnPostNuovaAsync(string? returnUrl, CancellationToken ct)
    {
        if (!devLogin.Enabled) return NotFound();
        try
        {
            return Next((await login.SignInAsync(HttpContext, Nuova, ct)).Outcome, returnUrl);
        }
        catch (PortalException e)
        {
            ModelState.AddPortalError(e, nameof(Nuova));
            await LoadAsync(returnUrl, ct);
            return Page();
        }
    }

    private IActionResult Next(SignInOutcome outcome, string? returnUrl)
    {
        var next = LocalUrl.OrNull(returnUrl) ?? "/";
        return outcome == SignInOutcome.RoleChoiceNeeded
            ? Redirect("/scelta-ruolo?returnUrl=" + Uri.EscapeDataString(next))
            : Redirect(next);
    }

    private async Task LoadAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = LocalUrl.OrNull(returnUrl);
        People = await people.DemoPeopleAsync(ct);
        Roles = await HoldingsText.OfPeopleAsync(roles, labels, People, ct);
        Comuni = await comuni.ListAsync(ct);
    }
}
