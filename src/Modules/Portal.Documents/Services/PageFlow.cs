using SkiaSharp;

namespace Portal.Documents.Services;

/// <summary>
/// The pages of one document, filled top-down: each block takes the room it needs and a new page starts when the
/// current one is full (a table's header is repeated there).
/// </summary>
internal sealed class PageFlow
{
    private const float LineFactor = 1.35f, CellSize = 8.5f, CellPad = 3, QrSize = 110;

    private readonly SKDocument _pdf;
    private readonly PdfDocument _document;
    private readonly PdfFontSet _fonts;
    private readonly float _width, _height, _margin, _bottom, _textWidth;
    private SKCanvas _canvas;
    private float _y;
    private int _page = 1;

    public PageFlow(SKDocument pdf, PdfDocument document, PdfFontSet fonts)
    {
        _pdf = pdf;
        _document = document;
        _fonts = fonts;
        (_width, _height, _margin) = document.Orientation == PdfOrientation.Landscape ? (842f, 595f, 40f) : (595f, 842f, 50f);
        // Room kept free at the foot of every page (page number, verification lines) and at the right of the text (QR code).
        var footer = document.Verification is not null ? 40 : document.NumberPages ? 14 : 0;
        _bottom = _height - _margin - footer;
        _textWidth = _width - 2 * _margin - (document.Verification is not null ? QrSize + 10 : 0);
        _canvas = pdf.BeginPage(_width, _height);
        _y = _margin;
    }

    public void Draw(PdfBlock block)
    {
        switch (block)
        {
            case PdfText t: Text(t.Text, t.Font, t.Size, t.Color, t.Indent); break;
            case PdfBullet b: Bullet(b.Text); break;
            case PdfHeading h:
                _y += 10;
                Room(40);
                Text(h.Text, PdfFont.Bold, 13, PdfColor.Blue, 0);
                _y += 2;
                break;
            case PdfGap g: _y += g.Points; break;
            case PdfTable t: Table(t); break;
            default: throw new NotSupportedException(block.GetType().Name);
        }
    }

    private void Text(string text, PdfFont face, float size, PdfColor color, float indent)
    {
        using var font = new SKFont(Typeface(face), size);
        using var paint = Ink(color);
        foreach (var line in TextWrap.Lines(text, font, _textWidth - indent))
        {
            Room(size * LineFactor);
            _y += size * LineFactor;
            _canvas.DrawText(line, _margin + indent, _y, font, paint);
        }
    }

    private void Bullet(string text)
    {
        using var font = new SKFont(_fonts.Regular, PdfDocument.BodySize);
        using var paint = Ink(PdfColor.Black);
        Room(PdfDocument.BodySize * LineFactor);
        _canvas.DrawText("•", _margin + 4, _y + PdfDocument.BodySize * LineFactor, font, paint);
        Text(text, PdfFont.Regular, PdfDocument.BodySize, PdfColor.Black, 16);
    }

    private void Table(PdfTable table)
    {
        var full = _width - 2 * _margin;
        var weights = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => c.Width / weights * full).ToArray();
        var header = table.Columns.Select(c => c.Title).ToArray();
        Row(table, widths, header, header: true);
        foreach (var cells in table.Rows)
        {
            if (_y + RowHeight(table, widths, cells, false) > _bottom)
            {
                NewPage();
                Row(table, widths, header, header: true);
            }
            Row(table, widths, cells, header: false);
        }
        if (table.Rows.Count == 0) Text(table.EmptyText, PdfFont.Regular, 9, PdfColor.Black, 0);
        _y += 4;
    }

    private SKFont CellFont(PdfTable table, int column, bool header) =>
        new(header ? _fonts.Bold : table.Columns[column].Mono ? _fonts.Mono : _fonts.Regular, CellSize);

    private List<string>[] CellLines(PdfTable table, float[] widths, IReadOnlyList<string> cells, bool header)
    {
        var lines = new List<string>[widths.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            using var font = CellFont(table, c, header);
            lines[c] = TextWrap.Lines(c < cells.Count ? cells[c] : "", font, widths[c] - 2 * CellPad);
        }
        return lines;
    }

    private float RowHeight(PdfTable table, float[] widths, IReadOnlyList<string> cells, bool header) =>
        CellLines(table, widths, cells, header).Max(l => l.Count) * CellSize * 1.3f + 2 * CellPad;

    private void Row(PdfTable table, float[] widths, IReadOnlyList<string> cells, bool header)
    {
        var lines = CellLines(table, widths, cells, header);
        var height = lines.Max(l => l.Count) * CellSize * 1.3f + 2 * CellPad;
        Room(height);
        using var fill = new SKPaint { Color = new SKColor(0xE8, 0xF0, 0xFA) };
        using var rule = new SKPaint { Color = new SKColor(0xC5, 0xC7, 0xC9), StrokeWidth = 0.5f };
        using var ink = Ink(PdfColor.Black);
        var total = widths.Sum();
        if (header) _canvas.DrawRect(_margin, _y, total, height, fill);
        var x = _margin;
        for (var c = 0; c < widths.Length; c++)
        {
            using var font = CellFont(table, c, header);
            var y = _y + CellPad;
            foreach (var line in lines[c])
            {
                y += CellSize * 1.3f;
                var left = !header && table.Columns[c].Numeric ? x + widths[c] - CellPad - font.MeasureText(line) : x + CellPad;
                _canvas.DrawText(line, left, y - 2, font, ink);
            }
            x += widths[c];
        }
        _y += height;
        _canvas.DrawLine(_margin, _y, _margin + total, _y, rule);
    }

    /// <summary>The QR code and the verification lines at the foot of the last page (a new page if the text reaches there).</summary>
    public void DrawVerification(PdfVerification verification)
    {
        if (_y > _height - _margin - QrSize - 30) NewPage();
        QrCode.Draw(_canvas, verification.Url, _width - _margin - QrSize, _height - _margin - QrSize - 20, QrSize);
        using var small = new SKFont(_fonts.Regular, 8.5f);
        using var grey = Ink(PdfColor.Grey);
        var y = _height - _margin - 6 - 12 * (verification.Lines.Count - 1);
        foreach (var line in verification.Lines)
        {
            _canvas.DrawText(line, _margin, y, small, grey);
            y += 12;
        }
    }

    public void End()
    {
        Footer();
        _pdf.EndPage();
    }

    private void Room(float height)
    {
        if (_y + height > _bottom) NewPage();
    }

    private void NewPage()
    {
        Footer();
        _pdf.EndPage();
        _page++;
        _canvas = _pdf.BeginPage(_width, _height);
        _y = _margin;
    }

    private void Footer()
    {
        if (!_document.NumberPages) return;
        using var font = new SKFont(_fonts.Regular, 8);
        using var paint = Ink(PdfColor.Slate);
        var text = _document.PageLabel is { } label ? $"{label} – pagina {_page}" : $"Pagina {_page}";
        _canvas.DrawText(text, _margin, _height - _margin / 2, font, paint);
    }

    private SKTypeface Typeface(PdfFont font) => font switch
    {
        PdfFont.Bold => _fonts.Bold,
        PdfFont.Mono => _fonts.Mono,
        _ => _fonts.Regular,
    };

    private static SKPaint Ink(PdfColor color) => new() { Color = new SKColor(color.R, color.G, color.B), IsAntialias = true };
}
