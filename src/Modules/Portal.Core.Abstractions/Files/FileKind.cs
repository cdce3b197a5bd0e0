namespace Portal.Core.Files;

/// <summary>A file type the portal accepts, recognised from the content, not the name.</summary>
public sealed record FileKind(string Code, string ContentType, string Description, IReadOnlyList<string> Extensions);
