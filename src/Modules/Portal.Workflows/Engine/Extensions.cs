using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Receipts;

namespace Portal.Workflows.Engine;

/// <summary>A condition a transition needs (e.g. "finestraAperta"); registered by modules through DI.</summary>
public interface IWorkflowGuard
{
    string Name { get; }

    string Description { get; }

    /// <returns><see cref="GuardResult.Ok"/>, or a failure with an Italian message shown to the person firing.</returns>
    Task<GuardResult> CheckAsync(WorkflowGuardContext context, CancellationToken ct);
}

public sealed record GuardResult(bool Passed, string? Message)
{
    public static readonly GuardResult Ok = new(true, null);

    public static GuardResult Fail(string message) => new(false, message);
}

public sealed record WorkflowGuardContext(WorkflowInstanceView Instance, string Transition, WorkflowActor Actor, WorkflowSubjectInfo? Subject);

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
    /// Enlist your context with <see cref="WorkflowSubjectChange.JoinAsync"/>. Throwing rolls the whole firing back;
    /// the message of a <see cref="WorkflowRefusedException"/> is shown to whoever fired.
    /// </summary>
    Task ApplyAsync(WorkflowSubjectChange change, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A transition being fired, as the subject sees it from <see cref="IWorkflowSubjectProvider.ApplyAsync"/>.</summary>
public sealed class WorkflowSubjectChange(
    WorkflowInstanceView instance, string transition, string fromState, string toState, WorkflowActor actor,
    Func<DbContext, CancellationToken, Task<SharedTransaction>> join)
{
    /// <summary>The instance as it is after the transition (new state and revision).</summary>
    public WorkflowInstanceView Instance { get; } = instance;
    public string Transition { get; } = transition;
    public string FromState { get; } = fromState;
    public string ToState { get; } = toState;
    public WorkflowActor Actor { get; } = actor;

    /// <summary>Enlists the context in the firing's transaction (a no-op when it already is); disposing releases it, never commits.</summary>
    public Task<SharedTransaction> JoinAsync(DbContext context, CancellationToken ct) => join(context, ct);
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
    string? Path = null);

public sealed record WorkflowReceiptInfo(
    string Title, string PersonName, string PersonCodiceFiscale, Guid? OwnerPersonId,
    IReadOnlyList<(string Label, string Value)> Summary, IReadOnlyList<ReceiptFile> Files);

/// <summary>An event modules raise (e.g. "Finestra.Chiusa"); a transition with "on" fires when it is raised for its subject.</summary>
public sealed record WorkflowEventRegistration(string Name, string Description);

public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowGuard<T>(this IServiceCollection services) where T : class, IWorkflowGuard =>
        services.AddScoped<IWorkflowGuard, T>();

    public static IServiceCollection AddWorkflowTask<T>(this IServiceCollection services) where T : class, IWorkflowTask =>
        services.AddScoped<IWorkflowTask, T>();

    public static IServiceCollection AddWorkflowSubject<T>(this IServiceCollection services) where T : class, IWorkflowSubjectProvider =>
        services.AddScoped<IWorkflowSubjectProvider, T>();

    public static IServiceCollection AddWorkflowEvent(this IServiceCollection services, string name, string description) =>
        services.AddSingleton(new WorkflowEventRegistration(name, description));
}
