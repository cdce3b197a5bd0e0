using SkiaSharp;

namespace Portal.Documents.Services;

/// <summary>The three faces a document is drawn with.</summary>
internal sealed record PdfFontSet(SKTypeface Regular, SKTypeface Bold, SKTypeface Mono);

/// <summary>
/// DejaVu (Debian's fonts-dejavu-core, installed by the scripts) renders Italian accents everywhere;
/// without it the platform default is used. Each face is loaded once per process twice over: whole, and cut down to
/// the Latin scripts and common punctuation and symbols (<see cref="TrueTypeSubset"/>), which a document whose text needs
/// nothing else is drawn with (a PDF a tenth of the size, rendered several times faster).
/// </summary>
internal static class PdfFonts
{
    // Basic Latin, Latin-1, Latin Extended-A and B, combining accents, general punctuation, currency signs, letterlike
    // symbols, ≤ ≥ and −. Every range kept grows every document: the rest falls back to the whole faces.
    private static readonly (int First, int Last)[] LatinRanges =
    [
        (0x0020, 0x007E), (0x00A0, 0x024F), (0x0300, 0x036F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F),
        (0x2212, 0x2212), (0x2264, 0x2265),
    ];

    private static readonly string[] Files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"];
    private static readonly Lazy<PdfFontSet> LazyFull = new(() => Set(Files.Select(f => Find(f) is { } path ? SKTypeface.FromFile(path) : SKTypeface.Default)));
    private static readonly Lazy<PdfFontSet> LazyLatin = new(() => Set(Files.Select((f, i) => Find(f) is { } path ? Latin(path) ?? Face(Full, i) : Face(Full, i))));

    public static PdfFontSet Full => LazyFull.Value;

    public static PdfFontSet LatinOnly => LazyLatin.Value;

    /// <summary>The cut-down faces when every character of <paramref name="texts"/> is in them, else the whole ones.</summary>
    public static PdfFontSet For(IEnumerable<string?> texts) => texts.All(t => t is null || Covered(t)) ? LatinOnly : Full;

    internal static bool Covered(string text)
    {
        foreach (var c in text)
            if (c >= 0x20 && !InLatin(c)) return false;
        return true;
    }

    private static bool InLatin(int c)
    {
        foreach (var (first, last) in LatinRanges)
            if (c >= first && c <= last) return true;
        return false;
    }

    private static PdfFontSet Set(IEnumerable<SKTypeface> faces)
    {
        var f = faces.ToArray();
        return new PdfFontSet(f[0], f[1], f[2]);
    }

    private static SKTypeface Face(PdfFontSet set, int index) => index switch { 0 => set.Regular, 1 => set.Bold, _ => set.Mono };

    private static string? Find(string file) =>
        new[] { "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu" }.Select(dir => Path.Combine(dir, file)).FirstOrDefault(File.Exists);

    /// <summary>The font file cut down to <see cref="LatinRanges"/>; null when it is not a TrueType file we can cut.</summary>
    private static SKTypeface? Latin(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var chars = string.Concat(LatinRanges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1)).Select(c => (char)c));
        using var face = SKTypeface.FromFile(path);
        using var font = new SKFont(face);
        var glyphs = font.GetGlyphs(chars).Select(g => (int)g).ToList();
        try
        {
            using var data = SKData.CreateCopy(TrueTypeSubset.Build(bytes, glyphs));
            return SKTypeface.FromData(data);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
