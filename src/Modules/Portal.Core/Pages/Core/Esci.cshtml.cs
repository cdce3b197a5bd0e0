using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;

namespace Portal.Core.Pages.Core;

public sealed class EsciModel(IPortalSession session) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await session.SignOutAsync(HttpContext);
        return Redirect("/");
    }
}
