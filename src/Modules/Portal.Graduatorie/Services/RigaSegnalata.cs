using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>A finding of an upload with the student of its row (section 4 of the operator page).</summary>
public sealed record RigaSegnalata(int? Row, string? CodiceFiscale, string? Nominativo, string? Column, string? Value, string Message,
    IssueSeverity Severity, string Code);
