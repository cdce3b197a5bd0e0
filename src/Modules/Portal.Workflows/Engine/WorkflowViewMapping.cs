using System.Text.Json;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Model;

namespace Portal.Workflows.Engine;

/// <summary>The engine's rows as the views other modules see.</summary>
internal static class WorkflowViewMapping
{
    public static WorkflowInstanceView ToView(this WorkflowInstance i, WorkflowDefinition? d) =>
        new(i.Id, i.DefinitionCode, i.DefinitionVersion, i.SubjectType, i.SubjectId, i.State,
            d?.StateLabel(i.State) ?? i.State, d?.State(i.State)?.Terminal ?? false,
            i.OwnerPersonId, i.Scope, i.StartedUtc, i.UpdatedUtc, i.Revision);

    public static WorkflowHistoryView ToView(this WorkflowHistoryEntry h, WorkflowDefinition? d) =>
        new(h.Id, h.Utc, h.Transition, h.Transition is null ? null : d?.Transition(h.Transition)?.Label ?? h.Transition,
            h.FromState, h.FromState is null ? null : d?.StateLabel(h.FromState) ?? h.FromState,
            h.ToState, d?.StateLabel(h.ToState) ?? h.ToState, h.ActorName, h.ActorRole, h.Comment,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(h.SnapshotJson) ?? []);
}
