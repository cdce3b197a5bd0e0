using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Contracts;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Testing;
using Portal.Workflows.Definitions;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tests;

/// <summary>The portal plus a test subject type ("Prova.Pratica"), a guard, two tasks and an event, registered as a module would.</summary>
public class WorkflowPortal : PortalFactory
{
    public WorkflowPortal() : this(TestDatabase.Create(), null) { }

    private WorkflowPortal(TestDatabase database, IDictionary<string, string?>? settings)
        : base(database, Merge(settings)) { }

    /// <summary>Another portal (node) on a given database, e.g. to restart the site or run two nodes.</summary>
    public static WorkflowPortal On(TestDatabase database, IDictionary<string, string?>? settings = null) => new(database, settings);

    private static Dictionary<string, string?> Merge(IDictionary<string, string?>? settings)
    {
        // By default timers are looked for at start only; tests drive them through WorkflowTimerRunner.
        var merged = new Dictionary<string, string?> { ["Portal:Workflows:TimerSeconds"] = "3600" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) merged[k] = v;
        return merged;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TestSubjects>();
            s.AddWorkflowSubject<TestSubjectProvider>();
            s.AddWorkflowGuard<DocumentsCompleteGuard>();
            s.AddWorkflowTask<AuditTask>();
            s.AddWorkflowTask<FailingTask>();
            s.AddWorkflowEvent(TestWorkflows.Event, "Evento di prova");
            foreach (var file in ShippedDefinitionTests.Files) s.AddWorkflowDefinitionFile(typeof(WorkflowPortal).Assembly, file);
            // Stands in for the notifications module: records what the "notifica:" task hands over.
            s.RemoveAll<INotifications>();
            s.AddSingleton<RecordingNotifications>();
            s.AddSingleton<INotifications>(sp => sp.GetRequiredService<RecordingNotifications>());
        });
    }

    public Task<SavedDefinition> SaveAsync(WorkflowDefinition definition) =>
        this.InScopeAsync(sp => sp.GetRequiredService<DefinitionStore>().SaveAsync(definition, "test"));

    public Task<WorkflowResult> FireAsync(Guid instanceId, string transition, WorkflowActor actor, string? comment = null, int? revision = null) =>
        this.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>().FireAsync(instanceId, transition, actor, comment, revision));

    /// <summary>Saves the definition (unique code) and starts it on a new test subject.</summary>
    public async Task<WorkflowInstanceView> StartAsync(WorkflowDefinition definition, Guid? owner = null, string? scope = null, string documenti = "completi")
    {
        await SaveAsync(definition);
        var subjectId = Guid.NewGuid().ToString("N");
        Services.GetRequiredService<TestSubjects>().Set(subjectId, documenti);
        var result = await this.InScopeAsync(sp => sp.GetRequiredService<IWorkflowEngine>()
            .StartAsync(new WorkflowStart(definition.Code, subjectId, owner, scope, WorkflowActor.System)));
        Assert.True(result.Succeeded, result.Error);
        return result.Instance!;
    }
}

public sealed class RecordingNotifications : INotifications
{
    public ConcurrentQueue<NotificationRequest> Sent { get; } = new();

    public Task EnqueueAsync(NotificationRequest request, CancellationToken ct = default)
    {
        Sent.Enqueue(request);
        return Task.CompletedTask;
    }
}

/// <summary>The data of the test subjects: whether their documents are complete, and an instant.</summary>
public sealed class TestSubjects
{
    private readonly ConcurrentDictionary<string, string> _documents = new();

    public DateTime? Scadenza { get; set; }

    public void Set(string subjectId, string documenti) => _documents[subjectId] = documenti;

    public string? Documents(string subjectId) => _documents.TryGetValue(subjectId, out var d) ? d : null;
}

internal sealed class TestSubjectProvider(TestSubjects subjects, IAuditTrail audit) : IWorkflowSubjectProvider
{
    public const string RefusedMessage = "La pratica di prova rifiuta questo passaggio.";
    public const string AppliedAction = "Prova.Soggetto";

    public string SubjectType => TestWorkflows.SubjectType;

    public IReadOnlyList<string> Instants => ["scadenza"];

    public Task<WorkflowSubjectInfo?> DescribeAsync(string subjectId, CancellationToken ct) =>
        Task.FromResult<WorkflowSubjectInfo?>(new WorkflowSubjectInfo($"Pratica di prova {subjectId[..6]}",
            new Dictionary<string, string?> { ["documenti"] = subjects.Documents(subjectId) },
            new Dictionary<string, DateTime?> { ["scadenza"] = subjects.Scadenza },
            new WorkflowReceiptInfo("Ricevuta di invio – Pratica di prova", "Mario Rossi", "RSSMRA80A01H501U", null,
                [("Documenti", subjects.Documents(subjectId) ?? "")], [])));

    /// <summary>Writes "from→to" in the firing's transaction, then refuses ("rifiuta") or fails ("guasto") when the subject says so.</summary>
    public async Task ApplyAsync(WorkflowSubjectChange change, CancellationToken ct)
    {
        await audit.RecordAsync(AppliedAction, change.Instance.SubjectId, $"{change.FromState}→{change.ToState}");
        switch (subjects.Documents(change.Instance.SubjectId))
        {
            case "rifiuta": throw new WorkflowRefusedException(RefusedMessage);
            case "guasto": throw new InvalidOperationException("Archivio della pratica non raggiungibile (prova).");
        }
    }
}

internal sealed class DocumentsCompleteGuard : IWorkflowGuard
{
    public const string Message = "Mancano i documenti obbligatori: caricali prima di inviare la pratica.";

    public string Name => "documentiCompleti";

    public string Description => "I documenti obbligatori sono stati caricati";

    public Task<GuardResult> CheckAsync(WorkflowGuardContext context, CancellationToken ct) =>
        Task.FromResult(context.Subject?.Snapshot["documenti"] == "completi" ? GuardResult.Ok : GuardResult.Fail(Message));
}

/// <summary>Writes an audit entry in the firing's transaction (through CoreDbContext, like the outbox).</summary>
internal sealed class AuditTask(IAuditTrail audit) : IWorkflowTask
{
    public string Name => "annota";

    public string Description => "Annota nel registro delle attività";

    public Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct) =>
        audit.RecordAsync("Prova.Annotazione", context.IdempotencyKey, context.Instance.SubjectId);
}

internal sealed class FailingTask : IWorkflowTask
{
    public string Name => "guasta";

    public string Description => "Fallisce sempre";

    public Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct) =>
        throw new InvalidOperationException("Coda dei messaggi non raggiungibile (prova).");
}

public static class TestWorkflows
{
    public const string SubjectType = "Prova.Pratica";
    public const string Event = "Prova.Evento";

    public static string Code(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>bozza → (invia: owner, guard) → inviata → (approva | respingi: Contents.Publish) → chiusa/respinta; inviata times out after 10 days.</summary>
    public static WorkflowDefinition Pratica(string code, int timerDays = 10, IEnumerable<string>? inviaTasks = null) => new()
    {
        Code = code,
        Name = "Pratica di prova",
        SubjectType = SubjectType,
        InitialState = "bozza",
        States =
        [
            new() { Code = "bozza", Label = "Bozza" },
            new() { Code = "inviata", Label = "Inviata" },
            new() { Code = "approvata", Label = "Approvata", Terminal = true },
            new() { Code = "respinta", Label = "Respinta", Terminal = true },
            new() { Code = "scaduta", Label = "Scaduta", Terminal = true },
        ],
        Transitions =
        [
            new() { Code = "invia", Label = "Invia la pratica", From = ["bozza"], To = "inviata", Allowed = [Actors.Owner], Guards = ["documentiCompleti"], Tasks = [.. inviaTasks ?? []] },
            new() { Code = "approva", Label = "Approva", From = ["inviata"], To = "approvata", Allowed = ["Contents.Publish"] },
            new() { Code = "respingi", Label = "Respingi", From = ["inviata"], To = "respinta", Allowed = ["Contents.Publish"] },
            new() { Code = "scade", Label = "Scadenza dei termini", From = ["inviata"], To = "scaduta", Allowed = [Actors.System], On = Event },
        ],
        Timers = [new() { State = "inviata", Transition = "scade", Days = timerDays }],
    };

    public static WorkflowActor Person(Guid personId, string role, params string[] scopes)
    {
        var claims = new List<Claim>
        {
            new(PortalClaims.PersonId, personId.ToString()),
            new(PortalClaims.Role, role),
            new(ClaimTypes.Name, $"Persona {role}"),
        };
        claims.AddRange(scopes.Select(s => new Claim(PortalClaims.Scope, s)));
        return WorkflowActor.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")));
    }
}
