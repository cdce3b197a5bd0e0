using Portal.Workflows.Model;

namespace Portal.Workflows.Definitions;

/// <summary>
/// What applying a shipped definition did. <see cref="Current"/> is the latest version afterwards; <see cref="Other"/> is, for
/// <see cref="ShippedResult.Created"/>, the version it superseded (null when first applied) and, for
/// <see cref="ShippedResult.KeptEdit"/>, the version that holds the shipped file.
/// </summary>
public sealed record ShippedOutcome(ShippedResult Result, StoredDefinition Current, StoredDefinition? Other);
