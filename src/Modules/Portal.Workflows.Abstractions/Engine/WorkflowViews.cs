using Portal.Core.Time;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Engine;

public sealed record WorkflowInstanceView(
    Guid Id, string DefinitionCode, int DefinitionVersion, string SubjectType, string SubjectId,
    string State, string StateLabel, bool IsTerminal, Guid? OwnerPersonId, string? Scope,
    DateTime StartedUtc, DateTime UpdatedUtc, int Revision);

public sealed record WorkflowHistoryView(
    Guid Id, DateTime Utc, string? Transition, string? TransitionLabel, string? FromState, string? FromLabel,
    string ToState, string ToLabel, string ActorName, string? ActorRole, string? Comment, IReadOnlyDictionary<string, string?> Snapshot)
{
    /// <summary>In plain words for the citizen, e.g. "Invia la richiesta: Inviata il 12/04/2021 alle 10:32".</summary>
    public string Describe() => $"{TransitionLabel ?? "Avvio"}: {ToLabel} il {RomeTime.Format(Utc)}";
}

public enum WorkflowFailure
{
    None,
    NotFound,
    Definition,
    InvalidState,
    NotAllowed,
    GuardFailed,
    Conflict,
    AlreadyStarted,
    TaskFailed,
}

/// <summary>The outcome of starting or firing: the instance as it is now, or an Italian message saying why not.</summary>
public sealed record WorkflowResult(WorkflowFailure Failure, string? Error, WorkflowInstanceView? Instance)
{
    public bool Succeeded => Failure == WorkflowFailure.None;

    public static WorkflowResult Ok(WorkflowInstanceView instance) => new(WorkflowFailure.None, null, instance);

    public static WorkflowResult Fail(WorkflowFailure failure, string error) => new(failure, error, null);
}

/// <param name="Scope">"Type:Value" (e.g. "Comune:042002"): operators must hold it to fire by permission.</param>
public sealed record WorkflowStart(
    string DefinitionCode, string SubjectId, Guid? OwnerPersonId, string? Scope, WorkflowActor Actor, string? Comment = null);
