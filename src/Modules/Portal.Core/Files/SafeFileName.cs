namespace Portal.Core.Files;

/// <summary>
/// The name an uploaded file is kept and shown under: the last segment of whatever path the browser sent
/// (Windows "\" included), without control characters or the invisible direction marks that make
/// "fattura\u202Efdp.exe" read as "fattura.exe.pdf", at most 255 characters with its extension kept.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 255;

    public static string From(string? name)
    {
        var text = name ?? "";
        var slash = text.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) text = text[(slash + 1)..];
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || IsDirectionMark(c)) continue;
            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var clean = kept.ToString().Trim().TrimStart('.');
        if (clean.Length <= MaxLength) return clean;
        var extension = Path.GetExtension(clean);
        return extension.Length is > 0 and < 16 ? clean[..(MaxLength - extension.Length)] + extension : clean[..MaxLength];
    }

    private static bool IsDirectionMark(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
