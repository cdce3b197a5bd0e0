using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;
using Portal.Workflows.Services;

namespace Portal.Workflows.Pages.Admin.Workflows;

[Authorize(Policy = PermissionPolicy.Prefix + "Workflows.Manage")]
public sealed class IstanzaModel(IWorkflowEngine engine, WorkflowAdminQueries queries) : PageModel
{
    public WorkflowInstanceView Instance { get; private set; } = null!;
    public IReadOnlyList<WorkflowHistoryView> History { get; private set; } = [];
    public IReadOnlyList<WorkflowTimer> Timers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var instance = await engine.GetAsync(id, ct);
        if (instance is null) return NotFound();
        Instance = instance;
        History = await engine.HistoryAsync(id, ct);
        Timers = await queries.TimersAsync(id, ct);
        return Page();
    }

    public static string StatusLabel(TimerStatus status) => status switch
    {
        TimerStatus.Pending => "in attesa",
        TimerStatus.Fired => "eseguita",
        TimerStatus.Cancelled => "annullata (la pratica ha cambiato stato)",
        _ => "non eseguita",
    };
}
