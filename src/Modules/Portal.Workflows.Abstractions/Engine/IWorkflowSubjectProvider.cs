using Portal.Core.Receipts;

namespace Portal.Workflows.Engine;

/// <summary>
/// Reads a subject (e.g. a Bonus "Domanda") for the engine: the fields snapshotted into the history, the
/// instants instant-timers refer to, and what a receipt shows.
/// </summary>
public interface IWorkflowSubjectProvider
{
    string SubjectType { get; }

    /// <summary>The instant names definitions may use in timers, e.g. "chiusuraFinestra".</summary>
    IReadOnlyList<string> Instants { get; }

    Task<WorkflowSubjectInfo?> DescribeAsync(string subjectId, CancellationToken ct);

    /// <summary>
    /// Called inside the firing transaction, after the instance has moved (not when it starts), so the subject can
    /// bring its own row in line (e.g. its status column) atomically with the transition; timer and event firings too.
    /// The firing is a unit of work: the subject's context joins it by itself. Throwing rolls the whole firing back;
    /// the message of a <see cref="WorkflowRefusedException"/> is shown to whoever fired.
    /// </summary>
    Task ApplyAsync(WorkflowSubjectChange change, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A transition being fired, as the subject sees it from <see cref="IWorkflowSubjectProvider.ApplyAsync"/>.</summary>
public sealed class WorkflowSubjectChange(
    WorkflowInstanceView instance, string transition, string fromState, string toState, WorkflowActor actor)
{
    /// <summary>The instance as it is after the transition (new state and revision).</summary>
    public WorkflowInstanceView Instance { get; } = instance;
    public string Transition { get; } = transition;
    public string FromState { get; } = fromState;
    public string ToState { get; } = toState;
    public WorkflowActor Actor { get; } = actor;
}

/// <summary>Thrown by a subject to refuse a transition with an Italian message; the firing is rolled back.</summary>
public sealed class WorkflowRefusedException(string message) : Exception(message);

/// <param name="Title">Short description, e.g. "Domanda bonus n. 12".</param>
/// <param name="Snapshot">Fields that matter, copied into each history row.</param>
/// <param name="Instants">Values of the instants named in <see cref="IWorkflowSubjectProvider.Instants"/> (UTC; null = none).</param>
/// <param name="Receipt">What the receipt shows; null when the subject has no receipts.</param>
/// <param name="Path">The page where the owner follows the subject (e.g. "/invio-elenchi/…"), linked from notifications.</param>
public sealed record WorkflowSubjectInfo(
    string Title,
    IReadOnlyDictionary<string, string?> Snapshot,
    IReadOnlyDictionary<string, DateTime?> Instants,
    WorkflowReceiptInfo? Receipt = null,
    Guid? FinestraId = null,
    string? Path = null)
{
    /// <summary>
    /// Guards of the transition being fired that the subject's own module has already checked for this very firing, at
    /// this instant and on the data it is writing (the Bonus sending checks the open window itself before it claims the
    /// row): the engine does not ask them again. Null or empty when describing the subject outside such a firing.
    /// </summary>
    public IReadOnlyCollection<string>? GuardsChecked { get; init; }
}

public sealed record WorkflowReceiptInfo(
    string Title, string PersonName, string PersonCodiceFiscale, Guid? OwnerPersonId,
    IReadOnlyList<(string Label, string Value)> Summary, IReadOnlyList<ReceiptFile> Files);
