using SkiaSharp;

namespace Portal.Documents.Services;

/// <summary>
/// DejaVu (Debian's fonts-dejavu-core, installed by the scripts) renders Italian accents everywhere;
/// without it the platform default is used.
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> LazyRegular = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> LazyBold = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> LazyMono = new(() => Load("DejaVuSansMono.ttf"));

    public static SKTypeface Regular => LazyRegular.Value;
    public static SKTypeface Bold => LazyBold.Value;
    public static SKTypeface Mono => LazyMono.Value;

    private static SKTypeface Load(string file)
    {
        foreach (var dir in new[] { "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu" })
        {
            var path = Path.Combine(dir, file);
            if (File.Exists(path)) return SKTypeface.FromFile(path);
        }
        return SKTypeface.Default;
    }
}
