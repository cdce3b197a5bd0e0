namespace Portal.Workflows.Model;

/// <summary>A durable timer: fires <see cref="Transition"/> at <see cref="DueUtc"/> if the instance is still in <see cref="State"/>.</summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }
    public required string State { get; set; }
    public required string Transition { get; set; }
    public DateTime DueUtc { get; set; }
    public TimerStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DoneUtc { get; set; }
    public string? Error { get; set; }
}
