using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Pages.Core;
using Portal.Identity.Providers;

namespace Portal.Identity.Pages.Identity;

/// <summary>The SPID provider chooser, in the manner of the official "Entra con SPID" button.</summary>
public sealed class SpidModel(IdpRegistry registry) : PageModel
{
    public IReadOnlyList<IdentityProvider> Providers { get; } =
        registry.All.Where(p => p.Kind == IdpKinds.Spid).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();

    public string? ReturnUrl { get; private set; }
    public int? Livello { get; private set; }

    public void OnGet(string? returnUrl, int? livello)
    {
        ReturnUrl = LocalUrl.OrNull(returnUrl);
        Livello = livello is >= 1 and <= 3 ? livello : null;
    }

    public string LoginUrl(string key)
    {
        var query = new List<string>();
        if (ReturnUrl is not null) query.Add("returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        if (Livello is not null) query.Add("livello=" + Livello);
        return "/saml2/login/" + Uri.EscapeDataString(key) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}
