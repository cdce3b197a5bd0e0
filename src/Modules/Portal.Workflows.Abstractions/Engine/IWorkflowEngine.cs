using Portal.Workflows.Definitions;

namespace Portal.Workflows.Engine;

/// <summary>Starts workflows on subjects, fires transitions (one transaction each) and answers questions about them.</summary>
public interface IWorkflowEngine
{
    /// <summary>Starts the latest version of the definition on a subject (one workflow per subject).</summary>
    Task<WorkflowResult> StartAsync(WorkflowStart start, CancellationToken ct = default);

    /// <summary>
    /// Fires a transition: permission/owner check, guards, then in one transaction the state change, a history row,
    /// the timers of the new state and the outbox rows of the tasks; all or nothing.
    /// </summary>
    /// <param name="expectedRevision">The revision the person saw (e.g. in a form); a newer one means someone acted in between.</param>
    Task<WorkflowResult> FireAsync(Guid instanceId, string transition, WorkflowActor actor, string? comment = null,
        int? expectedRevision = null, CancellationToken ct = default);

    /// <summary>Fires, as "sistema", the transition of the subject's current state that waits for this event (if any).</summary>
    Task<WorkflowResult?> RaiseEventAsync(string eventName, string subjectType, string subjectId, CancellationToken ct = default);

    Task<WorkflowInstanceView?> GetAsync(Guid instanceId, CancellationToken ct = default);

    Task<WorkflowInstanceView?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default);

    /// <summary>The instances of many subjects of one type in one query, by subject id (subjects without one are absent).</summary>
    Task<IReadOnlyDictionary<string, WorkflowInstanceView>> FindManyAsync(string subjectType, IEnumerable<string> subjectIds, CancellationToken ct = default);

    Task<IReadOnlyList<WorkflowHistoryView>> HistoryAsync(Guid instanceId, CancellationToken ct = default);

    /// <summary>The transitions this actor may fire now (guards not evaluated).</summary>
    Task<IReadOnlyList<TransitionDefinition>> AvailableAsync(Guid instanceId, WorkflowActor actor, CancellationToken ct = default);
}
