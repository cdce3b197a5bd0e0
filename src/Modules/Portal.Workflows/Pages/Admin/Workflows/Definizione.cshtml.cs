using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Model;
using Portal.Workflows.Services;

namespace Portal.Workflows.Pages.Admin.Workflows;

[Authorize(Policy = PermissionPolicy.Prefix + "Workflows.Manage")]
public sealed class DefinizioneModel(DefinitionStore store, WorkflowAdminQueries queries, WorkflowCatalog catalog) : PageModel
{
    public StoredDefinition Stored { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<InstanceRow> Instances { get; private set; } = [];
    public string? Stato { get; private set; }

    /// <summary>What each listed instance is about, as its module describes it ("Domanda bonus n. 12"), by instance id.</summary>
    public IReadOnlyDictionary<Guid, string> Subjects { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>What the diagram script draws: states with live counts, transitions with their timers.</summary>
    public string DiagramJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(string code, string? stato)
    {
        var ct = HttpContext.RequestAborted;
        var stored = await store.LatestStoredAsync(code, ct);
        if (stored is null) return NotFound();
        Stored = stored;
        Definition = DefinitionStore.Parse(stored.Json);
        Counts = await queries.CountsByStateAsync(code, ct);
        Stato = Definition.State(stato ?? "") is null ? null : stato;
        Instances = await queries.RecentInstancesAsync(code, Stato, 50, ct);
        var provider = catalog.Subject(Definition.SubjectType);
        var subjects = new Dictionary<Guid, string>();
        foreach (var i in Instances)
        {
            var info = provider is null ? null : await provider.DescribeAsync(i.SubjectId, ct);
            subjects[i.Id] = info?.Title ?? $"Pratica del {RomeTimeText(i.UpdatedUtc)}";
        }
        Subjects = subjects;
        DiagramJson = JsonSerializer.Serialize(new
        {
            code = Definition.Code,
            initial = Definition.InitialState,
            states = Definition.States.Select(s => new { s.Code, s.Label, s.Terminal, Count = Counts.GetValueOrDefault(s.Code) }),
            transitions = Definition.Transitions.Select(t => new
            {
                t.Code, t.Label, t.From, t.To,
                Timer = Definition.Timers.FirstOrDefault(x => x.Transition == t.Code)?.Describe(),
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return Page();
    }

    private static string RomeTimeText(DateTime utc) => Portal.Core.Time.RomeTime.Format(utc);

    public string Who(TransitionDefinition t) => string.Join(", ", t.Allowed.Select(WhoLabel));

    public static string WhoLabel(string actor) => actor switch
    {
        Actors.Owner => "il titolare della pratica",
        Actors.System => "il sistema (scadenze ed eventi)",
        _ => $"chi ha il permesso {actor}",
    };
}
