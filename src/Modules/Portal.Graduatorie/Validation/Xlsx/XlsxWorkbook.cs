using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// Reads an .xlsx workbook row by row (SAX), so memory stays bounded on large sheets. Opening refuses
/// what is not a plain workbook: another format renamed, an encrypted (password-protected) file, a
/// macro workbook, or a zip whose parts would expand beyond a limit (zip bomb).
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    /// <summary>Uncompressed size allowed for all parts together.</summary>
    public const long MaxExpandedBytes = 400L * 1024 * 1024;
    private const int MaxCompressionRatio = 200;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly bool _date1904;
    private List<string>? _sharedStrings;

    private XlsxWorkbook(SpreadsheetDocument document, WorkbookPart workbook)
    {
        _document = document;
        _workbook = workbook;
        _date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
    }

    /// <summary>Opens the workbook, or returns null with the Italian reason it cannot be read.</summary>
    public static XlsxWorkbook? TryOpen(Stream stream, out string? refusal)
    {
        refusal = CheckPackage(stream);
        if (refusal is not null) return null;
        stream.Position = 0;
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false });
            if (document.DocumentType != SpreadsheetDocumentType.Workbook)
            {
                refusal = "il file è una cartella di lavoro con macro o un modello, non un file .xlsx";
                document.Dispose();
                return null;
            }
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook?.Sheets is null)
            {
                refusal = "il file non contiene fogli di lavoro leggibili";
                document.Dispose();
                return null;
            }
            return new XlsxWorkbook(document, workbook);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                      or InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            document?.Dispose();
            refusal = "il file è danneggiato o non è una cartella di lavoro Excel .xlsx";
            return null;
        }
    }

    private static string? CheckPackage(Stream stream)
    {
        var head = new byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        // Encrypted OOXML (a workbook with an opening password) and the old .xls are OLE compound files.
        if (read == 8 && head.AsSpan().SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return "il file è protetto da password oppure è nel vecchio formato .xls: salvarlo come .xlsx senza password";
        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            return "il file non è una cartella di lavoro Excel .xlsx (formato non riconosciuto)";
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxExpandedBytes || (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxCompressionRatio))
                    return "il contenuto compresso del file è anomalo (dimensione espansa eccessiva)";
                if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) hasWorkbook = true;
            }
            if (!hasWorkbook)
                return zip.GetEntry("content.xml") is not null
                    ? "il file è in formato OpenDocument (.ods): salvarlo come .xlsx"
                    : "il file è un archivio compresso ma non una cartella di lavoro Excel .xlsx";
        }
        catch (InvalidDataException)
        {
            return "il file è danneggiato o non è una cartella di lavoro Excel .xlsx";
        }
        return null;
    }

    public IReadOnlyList<(string Name, bool Hidden)> Sheets =>
        _workbook.Workbook.Sheets!.Elements<Sheet>()
            .Select(s => (s.Name?.Value ?? "", s.State?.Value is SheetStateValues.Hidden or SheetStateValues.VeryHidden))
            .ToList();

    /// <summary>The sheet's name as stored, matched after trimming and ignoring case; null when absent.</summary>
    public string? FindSheet(string name) =>
        Sheets.Select(s => s.Name).FirstOrDefault(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Rows that have at least one cell element, in sheet order, each with <paramref name="width"/> cells.</summary>
    public IEnumerable<XRow> ReadRows(string sheetName, int width)
    {
        var sheet = _workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name?.Value == sheetName);
        if (sheet.Id?.Value is not { } id || _workbook.GetPartById(id) is not WorksheetPart part) yield break;
        using var reader = OpenXmlReader.Create(part);
        var lastRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
            lastRow = number;
            var cells = new XCell[width];
            Array.Fill(cells, XCell.Empty);
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                if (column >= 0 && column < width) cells[column] = Convert(cell);
            }
            yield return new XRow(number, cells);
        }
    }

    private XCell Convert(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return new XCell(cell.InlineString?.InnerText, null, null, false);
        if (raw is null) return XCell.Empty;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < SharedStrings.Count
                ? new XCell(SharedStrings[i], null, null, false) : XCell.Empty;
        if (type == CellValues.String) return new XCell(raw, null, null, false);
        if (type == CellValues.Boolean) return new XCell(raw == "1" ? "VERO" : "FALSO", null, null, false);
        if (type == CellValues.Error) return new XCell(raw, null, null, true);
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                ? new XCell(null, null, iso.Date, false) : new XCell(raw, null, null, false);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new XCell(null, number, null, false) : new XCell(raw, null, null, false);
    }

    /// <summary>Turns a stored serial number into a date, honouring the workbook's 1900 or 1904 date system.</summary>
    public DateTime? SerialToDate(double serial)
    {
        if (double.IsNaN(serial) || serial < 1 || serial > 2958465) return null;
        var days = Math.Floor(serial) + (_date1904 ? 1462 : 0);
        try { return DateTime.FromOADate(days).Date; }
        catch (ArgumentException) { return null; }
    }

    private List<string> SharedStrings => _sharedStrings ??= LoadSharedStrings();

    private List<string> LoadSharedStrings()
    {
        var list = new List<string>();
        if (_workbook.SharedStringTablePart is not { } part) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(SharedStringItem) || !reader.IsStartElement) continue;
            var item = (SharedStringItem)reader.LoadCurrentElement()!;
            // Plain text or rich-text runs; phonetic guides (rPh) are not part of the value.
            var text = item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
            list.Add(text);
        }
        return list;
    }

    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    public void Dispose() => _document.Dispose();
}
