using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Comuni;
using Portal.Core.Pages.Core;
using Portal.Core.Security;

namespace Portal.Users.Pages.Users;

[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
public sealed class SceltaRuoloModel(IPortalSession session, RegionComuni comuni) : PageModel
{
    public IReadOnlyList<RoleChoice> Choices { get; private set; } = [];
    public string? ReturnUrl { get; private set; }
    public string? Error { get; private set; }
    private IReadOnlyDictionary<string, string> _comuni = new Dictionary<string, string>();

    public string ScopeLabel(string scope)
    {
        var parts = scope.Split(':', 2);
        return parts[0] == ScopeTypes.Comune && _comuni.TryGetValue(parts[1], out var nome) ? $"Comune di {nome}" : $"{parts[0]} {parts[1]}";
    }

    public async Task OnGetAsync(string? returnUrl) => await LoadAsync(returnUrl);

    public async Task<IActionResult> OnPostAsync(string role, string? returnUrl)
    {
        if (await session.ChooseRoleAsync(HttpContext, role))
            return Redirect(LocalUrl.OrNull(returnUrl) ?? DefaultPage(role));
        Error = "Il ruolo scelto non è tra quelli che ti sono assegnati.";
        await LoadAsync(returnUrl);
        return Page();
    }

    private static string DefaultPage(string role) => role is PortalRoles.Editor or PortalRoles.Amministratore ? "/admin" : "/";

    private async Task LoadAsync(string? returnUrl)
    {
        ReturnUrl = LocalUrl.OrNull(returnUrl);
        Choices = await session.GetRoleChoicesAsync(User.GetPersonId()!.Value);
        var codes = Choices.SelectMany(c => c.Scopes).Where(s => s.StartsWith(ScopeTypes.Comune + ":", StringComparison.Ordinal))
            .Select(s => s[(ScopeTypes.Comune.Length + 1)..]).ToList();
        _comuni = await comuni.NamesAsync(codes, HttpContext.RequestAborted);
    }
}
