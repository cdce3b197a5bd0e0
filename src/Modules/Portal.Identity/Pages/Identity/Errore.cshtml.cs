using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Saml;

namespace Portal.Identity.Pages.Identity;

/// <summary>Why a SAML login failed, in Italian and without technical details (those are in the audit trail).</summary>
public sealed class ErroreAccessoModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(string? codice) => (Title, Message) = SpidErrors.Describe(codice);
}
