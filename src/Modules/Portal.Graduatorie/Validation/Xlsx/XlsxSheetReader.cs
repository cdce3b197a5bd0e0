using System.Globalization;
using System.Xml;

namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// Streams the rows of one worksheet part one cell at a time: a row is never loaded whole, cells beyond the wanted
/// width are walked over without keeping their text, and reading stops with <see cref="XlsxRefusedException"/> at the
/// row, column, cell and text limits of <see cref="XlsxLimits"/>.
/// </summary>
/// <param name="convert">Turns a kept cell's type attribute ("t"), value ("v") and inline text ("is") into its value.</param>
internal sealed class XlsxSheetReader(XmlReader xml, string sheetName, int width, Func<string?, string?, string?, XCell> convert) : IDisposable
{
    /// <summary>Excel's last row.</summary>
    private const int MaxRowNumber = 1_048_576;

    private readonly XlsxTextBuffer _text = new();
    private int _rows;
    private int _cells;
    private int _lastRow;

    /// <summary>Cell elements read so far, kept or not (empty formatted cells too).</summary>
    public int CellElements => _cells;

    /// <summary>The next row element of the sheet, or null at its end.</summary>
    public XRow? Next()
    {
        while (xml.Read())
            if (xml.IsElement("row")) return ReadRow();
        return null;
    }

    private XRow ReadRow()
    {
        if (++_rows > XlsxLimits.MaxRows) throw new XlsxRefusedException(XlsxRefusal.TooManyRows(sheetName));
        var number = xml.GetAttribute("r") is { } r ? RowNumber(r) : _lastRow + 1;
        _lastRow = number;
        var cells = new XCell[width];
        Array.Fill(cells, XCell.Empty);
        if (xml.IsEmptyElement) return new XRow(number, cells);
        var depth = xml.Depth;
        var column = -1;
        var inRow = 0;
        while (xml.Read() && xml.Depth > depth)
        {
            if (!xml.IsElement("c")) continue;
            column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : column + 1;
            if (++inRow > XlsxLimits.MaxColumns || column >= XlsxLimits.MaxColumns) throw new XlsxRefusedException(XlsxRefusal.TooWide(number));
            if (++_cells > XlsxLimits.MaxCells) throw new XlsxRefusedException(XlsxRefusal.TooManyCells(sheetName));
            var keep = column >= 0 && column < width;
            var cell = ReadCell(keep, number, column);
            if (keep) cells[column] = cell;
        }
        return new XRow(number, cells);
    }

    /// <summary>Reads a "c" element through its end; only a kept cell's value and inline text are taken.</summary>
    private XCell ReadCell(bool keep, int row, int column)
    {
        var type = xml.GetAttribute("t");
        if (xml.IsEmptyElement) return XCell.Empty;
        var depth = xml.Depth;
        string? value = null, inline = null;
        _text.Cell = (row, column);
        while (xml.Read() && xml.Depth > depth)
        {
            if (!keep) continue;
            if (xml.IsElement("v"))
            {
                _text.Clear();
                xml.AppendText(_text);
                value = _text.ToString();
            }
            else if (xml.IsElement("is"))
                inline = xml.ReadRichText(_text);
        }
        return keep ? convert(type, value, inline) : XCell.Empty;
    }

    private int RowNumber(string attribute) =>
        int.TryParse(attribute, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxRowNumber
            ? number
            : throw new XlsxRefusedException(XlsxRefusal.Unreadable($"il foglio «{sheetName}» ha un numero di riga non valido"));

    /// <summary>The 0-based column of a reference such as "K12"; a column past the limit is reported as <see cref="XlsxLimits.MaxColumns"/>.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
            if (index > XlsxLimits.MaxColumns) return XlsxLimits.MaxColumns;
        }
        return index - 1;
    }

    public void Dispose() => xml.Dispose();
}
