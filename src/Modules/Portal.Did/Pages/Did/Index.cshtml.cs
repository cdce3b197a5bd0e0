using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Did.Services;

namespace Portal.Did.Pages.Did;

/// <summary>D.I.D. On Line: the entry rule, the Situazione Occupazionale and the person's DIDs.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Did.Send")]
public sealed class IndexModel(DidService service) : PageModel
{
    public DidAccess Access { get; private set; } = new(false, null);
    public SituazioneView? Situazione { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Access = await service.AccessAsync(User, ct);
        if (Access.Allowed) Situazione = await service.SituazioneAsync(User, ct);
        return Page();
    }
}
