using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Core.Pages.Core;

/// <summary>Development login: only when <see cref="DevLoginSwitch"/> is on (never in Production).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
public sealed class AccessoDiProvaModel(DevLoginSwitch devLogin, CoreDbContext db, IPortalSession session) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (!devLogin.Enabled) return NotFound();
        ReturnUrl = LocalUrl.OrNull(returnUrl);
        People = await db.Persons.AsNoTracking().Include(p => p.Assignments).Where(p => p.IsDemo)
            .OrderBy(p => p.Cognome).ThenBy(p => p.Nome).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, string? returnUrl)
    {
        if (!devLogin.Enabled) return NotFound();
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId && p.IsDemo);
        if (person is null) return NotFound();
        var outcome = await session.SignInAsync(HttpContext, person.Id, "prova");
        var next = LocalUrl.OrNull(returnUrl) ?? "/";
        return outcome == SignInOutcome.RoleChoiceNeeded
            ? Redirect("/scelta-ruolo?returnUrl=" + Uri.EscapeDataString(next))
            : Redirect(next);
    }
}
