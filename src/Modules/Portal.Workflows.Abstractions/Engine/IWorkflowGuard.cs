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
