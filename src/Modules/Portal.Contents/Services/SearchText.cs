using System.Text.RegularExpressions;

namespace Portal.Contents.Services;

/// <summary>
/// What a person typed in a search box, read safely: at most <see cref="MaxLength"/> characters, the words (letters and
/// digits) taken out of it, never passed to the database as syntax. <see cref="Error"/> says in Italian why it cannot
/// be searched (e.g. too long, or no word in it).
/// </summary>
public sealed partial class SearchText
{
    public const int MaxLength = 200;
    private const int MaxWords = 12;

    private SearchText(string text, IReadOnlyList<string> words, string? error) => (Text, Words, Error) = (text, words, error);

    /// <summary>The text as typed (trimmed, control characters removed).</summary>
    public string Text { get; }
    public IReadOnlyList<string> Words { get; }
    public string? Error { get; }
    public bool IsEmpty => Text.Length == 0;
    public bool CanSearch => Error is null && Words.Count > 0;
    /// <summary>Longer than <see cref="MaxLength"/>: refused (an API answers 400), where a text without words only finds nothing.</summary>
    public bool TooLong { get; private init; }

    public static SearchText Parse(string? typed)
    {
        var text = new string((typed ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length == 0) return new SearchText("", [], null);
        if (text.Length > MaxLength)
            return new SearchText(text[..MaxLength], [], $"Il testo da cercare può contenere al massimo {MaxLength} caratteri: accorcialo e riprova.") { TooLong = true };
        var words = WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(MaxWords).ToList();
        return words.Count == 0
            ? new SearchText(text, [], "Scrivi almeno una parola da cercare (lettere o numeri).")
            : new SearchText(text, words, null);
    }

    /// <summary>
    /// An FTS5 MATCH expression: every word, quoted (so no word is read as an operator), as a prefix; an Italian word
    /// loses its final vowel first, so that "domande" also finds "domanda" (a light stem; PostgreSQL stems properly).
    /// </summary>
    public string ToFts5Match() => string.Join(" ", Words.Select(w => $"\"{LightStem(w)}\"*"));

    /// <summary>The words for PostgreSQL's plainto_tsquery('italian', ...): every word must be there, stemmed by the Italian dictionary.</summary>
    public string ToPlainQuery() => string.Join(" ", Words);

    private static string LightStem(string word) =>
        word.Length >= 5 && "aeiouàèéìòù".Contains(word[^1]) ? word[..^1] : word;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
