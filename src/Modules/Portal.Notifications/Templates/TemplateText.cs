using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Errors;

namespace Portal.Notifications.Templates;

/// <summary>
/// Placeholders are written {name} (letters, digits, '_', starting with a letter). Anything else in
/// braces that looks like a placeholder ("{ comune }", "{nome-x}") is reported as unknown rather than
/// silently left in the e-mail.
/// </summary>
public static partial class TemplateText
{
    /// <summary>The names written in braces, in order of appearance, without duplicates.</summary>
    public static IReadOnlyList<string> Placeholders(string? text) =>
        text is null ? [] : Token().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Placeholders in the text that are not among the available ones.</summary>
    public static IReadOnlyList<string> Unknown(string? text, IReadOnlyCollection<string> available) =>
        Placeholders(text).Where(p => !available.Contains(p) || !ValidName().IsMatch(p)).ToList();

    /// <summary>Replaces every placeholder; a placeholder without a value is an error, named in Italian.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values, string templateCode)
    {
        var missing = Placeholders(text).Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw PortalException.Invalid("Values", missing.Count == 1
                ? $"Manca il valore del segnaposto {{{missing[0]}}} richiesto dal modello «{templateCode}»."
                : $"Mancano i valori dei segnaposto {string.Join(", ", missing.Select(m => "{" + m + "}"))} richiesti dal modello «{templateCode}».");
        return Token().Replace(text, m => values[m.Groups[1].Value]);
    }

    /// <summary>A subject is one line: line breaks coming from values become spaces.</summary>
    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"\{([^{}\r\n]{1,64})\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();
}
