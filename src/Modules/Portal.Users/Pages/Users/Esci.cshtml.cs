using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Security;

namespace Portal.Users.Pages.Users;

public sealed class EsciModel(IPortalSession session, IEnumerable<ISingleLogout> singleLogouts) : PageModel
{
    /// <summary>Where the browser goes next to end the identity provider's session too.</summary>
    public string? SingleLogoutUrl { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var logout in singleLogouts)
            SingleLogoutUrl ??= await logout.EndAsync(HttpContext);
        await session.SignOutAsync(HttpContext);
        // The CSP's form-action also covers redirects after a form post, so the IdP is reached by a
        // new navigation from this page rather than by a 302.
        return SingleLogoutUrl is null ? Redirect("/") : Page();
    }
}
