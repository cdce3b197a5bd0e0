namespace Portal.Workflows.Engine;

/// <summary>An event modules raise (e.g. "Finestra.Chiusa"); a transition with "on" fires when it is raised for its subject.</summary>
public sealed record WorkflowEventRegistration(string Name, string Description);
