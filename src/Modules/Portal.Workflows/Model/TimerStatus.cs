namespace Portal.Workflows.Model;

/// <summary>Where a <see cref="WorkflowTimer"/> stands; stored as its name.</summary>
public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
    Failed,
}
