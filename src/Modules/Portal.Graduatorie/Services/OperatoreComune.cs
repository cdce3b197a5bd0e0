namespace Portal.Graduatorie.Services;

/// <summary>An accredited operator of a Comune (OperatoreComune role with the Comune in scope).</summary>
public sealed record OperatoreComune(Guid PersonId, string Nome, string? Email);
