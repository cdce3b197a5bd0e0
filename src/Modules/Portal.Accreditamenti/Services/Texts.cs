using System.Text.RegularExpressions;

namespace Portal.Accreditamenti.Services;

internal static partial class Texts
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Upper(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Codes of enti and CPI: upper-case letters, digits and dashes.</summary>
    public static bool IsCode(string value) => CodePattern().IsMatch(value);

    public static bool IsIstat(string value) => IstatPattern().IsMatch(value);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex IstatPattern();
}
