namespace Portal.Workflows.Engine;

/// <summary>
/// A side effect of a transition (e.g. "assegnaProtocollo", or the prefix "notifica:" for "notifica:&lt;template&gt;").
/// <see cref="EnqueueAsync"/> runs inside the firing transaction and must only write outbox rows (IOutbox):
/// the work itself is done afterwards by an outbox handler, idempotent on the message's key.
/// </summary>
public interface IWorkflowTask
{
    /// <summary>The task's name, or a prefix ending with ':' that takes an argument.</summary>
    string Name { get; }

    string Description { get; }

    /// <returns>An Italian message when the argument (the part after a prefix) is not acceptable, else null.</returns>
    string? ValidateArgument(string? argument) => null;

    Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct);
}

/// <param name="TransitionTasks">All the tasks of the transition (a receipt waits for the protocol number when both are asked).</param>
/// <param name="IdempotencyKey">Unique for this task in this firing: "wf:{history id}:{task}".</param>
public sealed record WorkflowTaskContext(
    WorkflowInstanceView Instance, string Transition, string FromState, string ToState, WorkflowActor Actor,
    WorkflowSubjectInfo? Subject, IReadOnlyList<string> TransitionTasks, string IdempotencyKey);
