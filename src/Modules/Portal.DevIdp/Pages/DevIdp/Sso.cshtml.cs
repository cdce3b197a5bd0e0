using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Portal.DevIdp.Model;
using Portal.DevIdp.Services;

namespace Portal.DevIdp.Pages.DevIdp;

/// <summary>
/// The single sign-on service (HTTP-Redirect and HTTP-POST). The browser comes from the SP's redirect or auto-posted form,
/// so there is no antiforgery token: the request's signature, checked against the SP's metadata, is what is trusted.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SsoModel(DevIdpSwitch devIdp, AuthnRequestReader reader, RequestProtector protector, ILogger<SsoModel> logger) : PageModel
{
    public DevIdpKind Kind { get; private set; } = DevIdpKind.All[0];
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(string kind, CancellationToken ct) => ReceiveAsync(kind, ct);

    public Task<IActionResult> OnPostAsync(string kind, CancellationToken ct) => ReceiveAsync(kind, ct);

    private async Task<IActionResult> ReceiveAsync(string kind, CancellationToken ct)
    {
        if (!devIdp.Enabled || DevIdpKind.Find(kind) is not { } k) return NotFound();
        Kind = k;
        try
        {
            var request = await reader.ReadAsync(k, Request, ct);
            return Redirect(k.LoginPagePath + "?richiesta=" + Uri.EscapeDataString(protector.Protect(request)));
        }
        catch (DevIdpRefusal e)
        {
            logger.LogWarning("Test IdP {Kind} refused an AuthnRequest: {Reason}", k.Key, e.Message);
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
