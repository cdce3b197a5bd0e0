using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;
using Portal.Workflows.Services;

namespace Portal.Workflows.Pages.Admin.Workflows;

[Authorize(Policy = PermissionPolicy.Prefix + "Workflows.Manage")]
public sealed class IstanzaModel(IWorkflowEngine engine, WorkflowAdminQueries queries, WorkflowCatalog catalog) : PageModel
{
    public WorkflowInstanceView Instance { get; private set; } = null!;
    public IReadOnlyList<WorkflowHistoryView> History { get; private set; } = [];
    public IReadOnlyList<WorkflowTimer> Timers { get; private set; } = [];

    /// <summary>What the instance is about, as its module describes it ("Domanda bonus n. 12"); the id when no module does.</summary>
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var instance = await engine.GetAsync(id, ct);
        if (instance is null) return NotFound();
        Instance = instance;
        History = await engine.HistoryAsync(id, ct);
        Timers = await queries.TimersAsync(id, ct);
        Title = (catalog.Subject(instance.SubjectType) is { } provider ? await provider.DescribeAsync(instance.SubjectId, ct) : null)?.Title
            ?? $"Pratica {instance.SubjectId}";
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
