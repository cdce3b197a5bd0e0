namespace Portal.Monitoraggio.Validation;

/// <summary>A finding of the validator. <paramref name="Line"/> is the line number in the file (the header is line 1; 0 for the file as a whole).</summary>
public sealed record FeedIssue(int Line, string? Field, string? Value, string Code, string Message, bool Avviso = false);
