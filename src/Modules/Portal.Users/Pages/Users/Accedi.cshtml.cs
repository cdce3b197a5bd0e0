using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Pages.Core;

namespace Portal.Users.Pages.Users;

public sealed class AccediModel(IEnumerable<LoginMethod> methods) : PageModel
{
    public IReadOnlyList<LoginMethod> Methods { get; } = methods.OrderBy(m => m.Order).ToList();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalUrl.OrNull(returnUrl);
}
