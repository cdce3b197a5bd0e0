using Portal.Contents.Contracts;

namespace Portal.Graduatorie.Services;

/// <summary>An Avviso of the Graduatorie service with its published windows (newest first).</summary>
public sealed record AvvisoGraduatorie(Guid Id, string Title, string? Slug, IReadOnlyList<FinestraInfo> Finestre);
