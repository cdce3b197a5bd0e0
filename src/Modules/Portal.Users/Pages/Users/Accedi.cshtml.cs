using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Pages.Core;

namespace Portal.Users.Pages.Users;

public sealed class AccediModel(IEnumerable<LoginMethod> methods, IEnumerable<ILoginChoices> choices) : PageModel
{
    /// <summary>The list a method opens (the SPID providers), with the return address carried; empty for a plain button.</summary>
    public IReadOnlyList<LoginChoice> ChoicesFor(LoginMethod method) =>
        choices.SelectMany(c => c.For(method.Key)).Select(c => c with { Url = WithReturnUrl(c.Url) }).ToList();

    public string WithReturnUrl(string url) =>
        ReturnUrl is null ? url : url + (url.Contains('?') ? "&" : "?") + "returnUrl=" + Uri.EscapeDataString(ReturnUrl);

    public IReadOnlyList<LoginMethod> Methods { get; } = methods.OrderBy(m => m.Order).ToList();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalUrl.OrNull(returnUrl);
}
