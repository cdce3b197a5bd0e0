using SkiaSharp;

namespace Portal.Documents;

/// <summary>A column of a <see cref="PdfTable"/>; numeric columns are aligned right.</summary>
public sealed record PdfColumn(string Title, bool Numeric = false);

/// <summary>
/// A list as a table on A4 pages: title, an optional note, then the rows, the header repeated and the page
/// number on each page. Text stays extractable.
/// </summary>
public static class PdfTable
{
    private const float Width = PdfPages.Width, Height = PdfPages.Height, Margin = PdfPages.Margin, Row = 16;

    public static byte[] Render(PdfInfo info, string? note, IReadOnlyList<PdfColumn> columns, IReadOnlyList<string[]> rows) =>
        PdfPages.Render(info, pages =>
        {
            using var regular = new SKFont(PdfFonts.Regular, 9);
            using var bold = new SKFont(PdfFonts.Bold, 9);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f };
            var columnWidth = (Width - 2 * Margin) / Math.Max(1, columns.Count);
            var pageNumber = 0;
            var y = 0f;

            void Header()
            {
                pageNumber++;
                pages.Canvas.DrawText($"Pagina {pageNumber}", Width - Margin - 40, Height - Margin / 2, regular, ink);
                y += Row;
                for (var c = 0; c < columns.Count; c++) pages.Canvas.DrawText(columns[c].Title, Margin + c * columnWidth, y, bold, ink);
                pages.Canvas.DrawLine(Margin, y + 4, Width - Margin, y + 4, rule);
            }

            pages.Wrapped(info.Title, PdfFonts.Bold, 15);
            if (note is not null) pages.Wrapped(note, PdfFonts.Regular, 9);
            pages.Gap(8);
            y = pages.Y;
            Header();
            foreach (var cells in rows)
            {
                if (y + Row > Height - Margin)
                {
                    pages.NewPage();
                    y = pages.Y;
                    Header();
                }
                y += Row;
                for (var c = 0; c < columns.Count && c < cells.Length; c++)
                {
                    var x = Margin + c * columnWidth;
                    if (columns[c].Numeric) x += columnWidth - 12 - regular.MeasureText(cells[c]);
                    pages.Canvas.DrawText(cells[c], x, y, regular, ink);
                }
            }
            if (rows.Count == 0) pages.Canvas.DrawText("Nessuna riga.", Margin, y + Row, regular, ink);
        });
}
