using SkiaSharp;

namespace Portal.Documents;

/// <summary>What a PDF says about itself (its metadata).</summary>
public sealed record PdfInfo(string Title, string Author, string Producer, DateTime CreatedUtc);

/// <summary>
/// An A4 PDF/A document written top-down: lines, text wrapped at spaces to the page width, a new page when
/// one is full. Text stays extractable (pdftotext reads it).
/// </summary>
public sealed class PdfPages
{
    public const float Width = 595, Height = 842, Margin = 50;

    private readonly SKDocument _document;
    private readonly float _bottomReserve;
    private readonly float _rightReserve;
    private float _y = Margin;

    private PdfPages(SKDocument document, float bottomReserve, float rightReserve)
    {
        _document = document;
        _bottomReserve = bottomReserve;
        _rightReserve = rightReserve;
        Canvas = document.BeginPage(Width, Height);
    }

    /// <summary>The current page, for drawing beyond text (a QR code, a footer).</summary>
    public SKCanvas Canvas { get; private set; }

    /// <summary>
    /// Draws a document. <paramref name="bottomReserve"/> keeps room free at the foot of every page,
    /// <paramref name="rightReserve"/> at the right of wrapped text.
    /// </summary>
    public static byte[] Render(PdfInfo info, Action<PdfPages> draw, float bottomReserve = 0, float rightReserve = 0)
    {
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Creator = info.Producer,
            Producer = info.Producer,
            Creation = info.CreatedUtc,
            Modified = info.CreatedUtc,
            PdfA = true,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            draw(new PdfPages(document, bottomReserve, rightReserve));
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }

    /// <summary>Where the next line goes (its top), for drawing beyond text.</summary>
    public float Y => _y;

    public void Gap(float points) => _y += points;

    public void NewPage()
    {
        _document.EndPage();
        Canvas = _document.BeginPage(Width, Height);
        _y = Margin;
    }

    /// <summary>Starts a new page unless the text so far ends above <paramref name="bottom"/>.</summary>
    public void EnsureRoom(float bottom)
    {
        if (_y > bottom) NewPage();
    }

    public void Line(string text, SKTypeface typeface, float size, SKColor? color = null)
    {
        using var font = new SKFont(typeface, size);
        using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
        EnsureRoom(Height - Margin - _bottomReserve - size * 1.35f);
        _y += size * 1.35f;
        Canvas.DrawText(text, Margin, _y, font, paint);
    }

    public void Wrapped(string text, SKTypeface typeface, float size, SKColor? color = null)
    {
        using var font = new SKFont(typeface, size);
        var max = Width - 2 * Margin - _rightReserve;
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) > max && line.Length > 0)
            {
                Line(line, typeface, size, color);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) Line(line, typeface, size, color);
    }

    /// <summary>"Label: value", wrapped, in the body size.</summary>
    public void Field(string label, string value) => Wrapped($"{label}: {value}", PdfFonts.Regular, 10);

    /// <summary>The two header lines every document of the portal starts with.</summary>
    public void Letterhead(string region, string portal)
    {
        Line(region, PdfFonts.Regular, 10, SKColors.DimGray);
        Line(portal, PdfFonts.Bold, 14, new SKColor(0x00, 0x66, 0xCC));
    }
}
