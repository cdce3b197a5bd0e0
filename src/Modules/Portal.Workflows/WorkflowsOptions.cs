namespace Portal.Workflows;

/// <summary>"Portal:Workflows" in the configuration: how the timers run.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Portal:Workflows";

    /// <summary>Seconds between two looks for due timers.</summary>
    public int TimerSeconds { get; set; } = 30;

    /// <summary>False on a node that must not fire timers.</summary>
    public bool TimersEnabled { get; set; } = true;
}
