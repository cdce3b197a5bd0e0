using Portal.Contents.Contracts;
using SkiaSharp;

namespace Portal.Graduatorie.Export;

/// <summary>
/// A list as a PDF table on A4 pages (title, note, then the rows, the header repeated on each page), drawn with SkiaSharp
/// as the portal's receipts are; the text stays extractable.
/// </summary>
internal static class TablePdf
{
    private const float Width = 595, Height = 842, Margin = 50, Row = 16;
    private static readonly Lazy<SKTypeface> Regular = new(() => Font("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Font("DejaVuSans-Bold.ttf"));

    private static SKTypeface Font(string file)
    {
        foreach (var dir in new[] { "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu" })
        {
            var path = Path.Combine(dir, file);
            if (File.Exists(path)) return SKTypeface.FromFile(path);
        }
        return SKTypeface.Default;
    }

    public static byte[] Render(string title, string? note, IReadOnlyList<GraduatoriaColonna> columns, IReadOnlyList<string[]> rows)
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = title, PdfA = true }))
        {
            using var regular = new SKFont(Regular.Value, 9);
            using var bold = new SKFont(Bold.Value, 9);
            using var titleFont = new SKFont(Bold.Value, 15);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f };
            var columnWidth = (Width - 2 * Margin) / columns.Count;
            SKCanvas canvas = null!;
            var y = 0f;
            var pageNumber = 0;

            void NewPage()
            {
                if (pageNumber > 0) document.EndPage();
                canvas = document.BeginPage(Width, Height);
                pageNumber++;
                y = Margin;
                if (pageNumber == 1)
                {
                    y += 15;
                    canvas.DrawText(title, Margin, y, titleFont, ink);
                    y += 8;
                    if (note is not null)
                    {
                        y += Row;
                        canvas.DrawText(note, Margin, y, regular, ink);
                    }
                    y += 8;
                }
                canvas.DrawText($"Pagina {pageNumber}", Width - Margin - 40, Height - Margin / 2, regular, ink);
                y += Row;
                for (var c = 0; c < columns.Count; c++) canvas.DrawText(columns[c].Titolo, Margin + c * columnWidth, y, bold, ink);
                canvas.DrawLine(Margin, y + 4, Width - Margin, y + 4, rule);
            }

            NewPage();
            foreach (var cells in rows)
            {
                if (y + Row > Height - Margin) NewPage();
                y += Row;
                for (var c = 0; c < columns.Count && c < cells.Length; c++)
                {
                    var x = Margin + c * columnWidth;
                    if (columns[c].Numerica) x += columnWidth - 12 - regular.MeasureText(cells[c]);
                    canvas.DrawText(cells[c], x, y, regular, ink);
                }
            }
            if (rows.Count == 0)
            {
                y += Row;
                canvas.DrawText("Nessuna riga.", Margin, y, regular, ink);
            }
            document.EndPage();
        }
        return output.ToArray();
    }
}
