namespace Portal.Graduatorie.Services;

/// <summary>A student in the valid lists of more than one Comune.</summary>
public sealed record Duplicato(string CfStudente, IReadOnlyList<RigaConsolidata> Righe);
