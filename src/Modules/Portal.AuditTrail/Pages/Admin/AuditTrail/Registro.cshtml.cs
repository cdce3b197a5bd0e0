using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.AuditTrail.Model;
using Portal.AuditTrail.Services;
using Portal.Core.Audit;
using Portal.Core.Security;

namespace Portal.AuditTrail.Pages.Admin.AuditTrail;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.ViewAudit")]
public sealed class RegistroModel(AuditQuery audit, IAuditTrail trail) : PageModel
{
    public const int PageSize = 50;
    public AuditFilter Filter { get; private set; } = new();
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int Pagina { get; private set; }

    public string PageUrl(int page) =>
        $"?azione={Uri.EscapeDataString(Filter.Azione ?? "")}&chi={Uri.EscapeDataString(Filter.Chi ?? "")}&testo={Uri.EscapeDataString(Filter.Testo ?? "")}&dal={Filter.Dal:yyyy-MM-dd}&al={Filter.Al:yyyy-MM-dd}&pagina={page}";

    public async Task OnGetAsync(string? azione, string? chi, string? testo, DateOnly? dal, DateOnly? al, int pagina = 1)
    {
        Filter = new AuditFilter(azione, chi, testo, dal, al);
        Pagina = Math.Max(1, pagina);
        var q = audit.Apply(Filter);
        Total = await q.CountAsync();
        Entries = await q.Skip((Pagina - 1) * PageSize).Take(PageSize).ToListAsync();
        Actions = await audit.ActionsAsync();
    }

    public async Task<IActionResult> OnGetExcelAsync(string? azione, string? chi, string? testo, DateOnly? dal, DateOnly? al)
    {
        var filter = new AuditFilter(azione, chi, testo, dal, al);
        var bytes = await audit.ExportAsync(filter);
        // Exporting the trail is itself an access to personal data: it is recorded.
        await trail.RecordAsync("Registro.Esportato", "Registro delle attività", $"Filtri: {filter}");
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"registro-attivita-{DateTime.UtcNow:yyyyMMdd-HHmm}.xlsx");
    }
}
