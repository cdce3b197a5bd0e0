using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Pages.Monitoraggio;

/// <summary>The published feed layout, generated from <see cref="FeedFormat"/> (the parser's own definition) and the measures table.</summary>
[AllowAnonymous]
public sealed class FormatoModel(MonitoraggioDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Misura> Misure { get; private set; } = [];
    public string Esempio { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Misure = await db.Misure.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
        var today = DateOnly.FromDateTime(Core.Time.RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        Esempio = FeedFormat.Example("CODICE-ENTE", today.AddDays(-1), Misure.Select(m => m.Code).ToList());
    }
}
