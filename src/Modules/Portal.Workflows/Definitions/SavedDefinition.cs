using Portal.Workflows.Model;

namespace Portal.Workflows.Definitions;

/// <summary>Result of saving a definition: the version now current and whether a new one was written.</summary>
public sealed record SavedDefinition(StoredDefinition Stored, bool Created, IReadOnlyList<string> Changes);
