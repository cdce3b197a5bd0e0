namespace Portal.Core.Pages.Core;

/// <summary>
/// Only local paths are followed after login or a form (no open redirects). Browsers drop tabs, newlines and
/// other control or blank characters from a URL and read "\" as "/", so "/&lt;TAB&gt;/host" is "//host": any such
/// character makes the value unusable, as do "//" and "/\" at the start.
/// </summary>
public static class LocalUrl
{
    public const int MaxLength = 2000;

    public static string? OrNull(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/') return null;
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return null;
        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.IsSurrogate(c) || c is '\u200B' or '\u200E' or '\u200F' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
                return null;
        }
        return Uri.TryCreate(url, UriKind.Relative, out _) ? url : null;
    }
}
