using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.AuditTrail.Model;
using Portal.AuditTrail.Services;
using Portal.Core.Audit;
using Portal.Core.Labels;
using Portal.Core.Security;
using Portal.Core.Data;

namespace Portal.AuditTrail.Pages.Admin.AuditTrail;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.ViewAudit")]
public sealed class RegistroModel(AuditQuery audit, IAuditTrail trail, ILabels labels) : PageModel
{
    public const int PageSize = 50;
    public AuditFilter Filter { get; private set; } = new();
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Each entry as people read it: the action, the role, the subject and the details in words (codes replaced).</summary>
    public IReadOnlyList<(AuditEntry Entry, string Action, string? Role, string? Subject, string? Details)> Rows { get; private set; } = [];

    public string ActionLabel(string code) => labels.Action(code);
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
        Entries = await q.Skip(Paging.Skip(Pagina, PageSize)).Take(PageSize).ToListAsync();
        Actions = (await audit.ActionsAsync()).OrderBy(labels.Action, StringComparer.CurrentCulture).ToList();
        var rows = new List<(AuditEntry, string, string?, string?, string?)>();
        foreach (var e in Entries)
            rows.Add((e, labels.Action(e.Action), e.ActorRole is null ? null : await labels.RoleAsync(e.ActorRole),
                await labels.DescribeAsync(e.Subject), await labels.DescribeAsync(e.Details)));
        Rows = rows;
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
