namespace Portal.Graduatorie.Validation;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One finding of the validator. File-level findings (F01–F04) have no row; row findings name the
/// sheet row, the column header and the value found, as the operator sees them in the spreadsheet.
/// </summary>
public sealed record ValidationIssue(string Code, IssueSeverity Severity, int? Row, string? Column, string? Value, string Message)
{
    public static ValidationIssue File(string code, string message) => new(code, IssueSeverity.Error, null, null, null, message);
}
