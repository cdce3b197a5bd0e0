namespace Portal.Core.Text;

/// <summary>
/// A person's search text as a SQL LIKE pattern that matches it literally: "%" and "_" typed in a filter are
/// characters to find, not wildcards. Use with <c>EF.Functions.Like(column, LikePattern.Containing(text), LikePattern.Escape)</c>.
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    /// <summary>"%" + the text with \, % and _ escaped + "%", lower-cased for a case-insensitive match on a lower-cased column.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
