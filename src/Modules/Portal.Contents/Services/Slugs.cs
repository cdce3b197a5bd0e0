using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Contents.Services;

/// <summary>The address part of a public URL ("/avvisi/borse-di-studio"): lower-case letters, digits and single dashes.</summary>
public static partial class Slugs
{
    public const int MaxLength = 120;

    /// <summary>"Borse di studio 2026/27" → "borse-di-studio-2026-27" (accents dropped).</summary>
    public static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = MultiDash().Replace(sb.ToString(), "-").Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    public static bool IsValid(string slug) => slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultiDash();
}
