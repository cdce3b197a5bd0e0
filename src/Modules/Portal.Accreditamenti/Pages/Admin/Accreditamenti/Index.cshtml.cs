using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;
using Portal.Core.Comuni;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Accreditamenti;

[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.Manage")]
public sealed class IndexModel(AccreditationService service, RegionComuni comuni) : PageModel
{
    public IReadOnlyList<AccreditationRequest> Requests { get; private set; } = [];
    public IReadOnlyList<Comune> Comuni { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public RequestState? Stato { get; private set; }
    public string? Comune { get; private set; }
    public string? Cf { get; private set; }

    public async Task OnGetAsync(RequestState? stato, string? comune, string? cf, CancellationToken ct)
    {
        (Stato, Comune, Cf) = (stato, comune, cf);
        Requests = await service.SearchAsync(new RequestFilter(stato, comune, cf), ct);
        Comuni = await comuni.ListAsync(ct);
        Names = Comuni.ToDictionary(c => c.CodiceIstat, c => c.Nome);
    }
}
