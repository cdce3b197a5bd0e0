using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// Reads an .xlsx workbook row by row, cell by cell, so memory stays bounded whatever the file holds. Opening refuses
/// what is not a plain workbook: another format renamed, an encrypted (password-protected) file, a macro workbook, or
/// a zip whose parts would expand beyond a limit (zip bomb). Every later read (shared strings, sheet rows) is guarded
/// too: broken or hostile XML and the limits of <see cref="XlsxLimits"/> end in <see cref="XlsxRefusedException"/>,
/// never in another exception.
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly IReadOnlyDictionary<string, long> _declaredLengths;
    private readonly XlsxBudget _budget = new();
    private readonly bool _date1904;
    private List<string>? _sharedStrings;

    private XlsxWorkbook(SpreadsheetDocument document, WorkbookPart workbook, IReadOnlyDictionary<string, long> declaredLengths)
    {
        _document = document;
        _workbook = workbook;
        _declaredLengths = declaredLengths;
        _date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
    }

    /// <summary>Opens the workbook, or returns null with the reason (F01) it cannot be read.</summary>
    public static XlsxWorkbook? TryOpen(Stream stream, out XlsxRefusal? refusal)
    {
        refusal = CheckPackage(stream, out var declaredLengths);
        if (refusal is not null) return null;
        stream.Position = 0;
        SpreadsheetDocument? document = null;
        try
        {
            // The SDK loads the workbook part whole (sheet list, names): it is bounded, and the SDK prohibits DTDs.
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false, MaxCharactersInPart = XlsxLimits.MaxSdkPartChars });
            if (document.DocumentType != SpreadsheetDocumentType.Workbook)
            {
                refusal = XlsxRefusal.Unreadable("il file è una cartella di lavoro con macro o un modello, non un file .xlsx");
                document.Dispose();
                return null;
            }
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook?.Sheets is null)
            {
                refusal = XlsxRefusal.Unreadable("il file non contiene fogli di lavoro leggibili");
                document.Dispose();
                return null;
            }
            return new XlsxWorkbook(document, workbook, declaredLengths);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            document?.Dispose();
            refusal = XlsxRefusal.Unreadable(XlsxRefusal.Damaged);
            return null;
        }
    }

    /// <summary>What reading a broken package or broken XML throws (from the zip, the packaging, the SDK or XmlReader).</summary>
    private static bool IsUnreadable(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException
            or ArgumentException or NotSupportedException or FormatException or OverflowException or UriFormatException;

    private static XlsxRefusal? CheckPackage(Stream stream, out IReadOnlyDictionary<string, long> declaredLengths)
    {
        declaredLengths = new Dictionary<string, long>();
        var head = new byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        // Encrypted OOXML (a workbook with an opening password) and the old .xls are OLE compound files.
        if (read == 8 && head.AsSpan().SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return XlsxRefusal.Unreadable("il file è protetto da password oppure è nel vecchio formato .xls: salvarlo come .xlsx senza password");
        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
            return XlsxRefusal.Unreadable("il file non è una cartella di lavoro Excel .xlsx (formato non riconosciuto)");
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var lengths = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > XlsxLimits.MaxExpandedBytes
                    || (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > XlsxLimits.MaxCompressionRatio))
                    return XlsxRefusal.Unreadable(XlsxRefusal.Expanded);
                lengths[entry.FullName] = entry.Length;
            }
            if (!lengths.ContainsKey("xl/workbook.xml"))
                return XlsxRefusal.Unreadable(zip.GetEntry("content.xml") is not null
                    ? "il file è in formato OpenDocument (.ods): salvarlo come .xlsx"
                    : "il file è un archivio compresso ma non una cartella di lavoro Excel .xlsx");
            declaredLengths = lengths;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return XlsxRefusal.Unreadable(XlsxRefusal.Damaged);
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

    /// <summary>
    /// Rows that have at least one cell element, in sheet order, each with <paramref name="width"/> cells. Read lazily;
    /// a broken or hostile sheet throws <see cref="XlsxRefusedException"/> while it is enumerated.
    /// </summary>
    public IEnumerable<XRow> ReadRows(string sheetName, int width)
    {
        using var sheet = Guarded(() => OpenSheet(sheetName, width));
        if (sheet is null) yield break;
        while (Guarded(sheet.Next) is { } row) yield return row;
    }

    /// <summary>
    /// The cell elements of every sheet, empty formatted ones too: what a reader that loads the whole workbook (ClosedXML)
    /// would hold in memory. Streams each sheet keeping no value.
    /// </summary>
    /// <exception cref="XlsxRefusedException">A sheet is broken or beyond <see cref="XlsxLimits"/>.</exception>
    public long CountCells()
    {
        long total = 0;
        foreach (var (name, _) in Sheets)
        {
            using var sheet = Guarded(() => OpenSheet(name, 0));
            if (sheet is null) continue;
            while (Guarded(sheet.Next) is not null) { }
            total += sheet.CellElements;
        }
        return total;
    }

    private XlsxSheetReader? OpenSheet(string sheetName, int width)
    {
        var sheet = _workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name?.Value == sheetName);
        if (sheet.Id?.Value is not { } id || _workbook.GetPartById(id) is not WorksheetPart part) return null;
        return new XlsxSheetReader(OpenXml(part), sheetName, width, Convert);
    }

    /// <summary>A part read through the workbook's budget and the entry's declared size, with DTDs prohibited.</summary>
    private XmlReader OpenXml(OpenXmlPart part)
    {
        var name = Uri.UnescapeDataString(part.Uri.OriginalString).TrimStart('/');
        var declared = _declaredLengths.TryGetValue(name, out var length) ? length : (long?)null;
        return XlsxXml.Create(new BudgetedStream(part.GetStream(FileMode.Open, FileAccess.Read), _budget, declared));
    }

    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new XlsxRefusedException(XlsxRefusal.Unreadable(XlsxRefusal.BadXml));
        }
    }

    private XCell Convert(string? type, string? raw, string? inline)
    {
        var cell = ConvertValue(type, raw, inline);
        if (cell.Text is { } text) _budget.AddText(text.Length);
        return cell;
    }

    private XCell ConvertValue(string? type, string? raw, string? inline)
    {
        if (type == "inlineStr") return new XCell(inline, null, null, false);
        if (raw is null) return XCell.Empty;
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < SharedStrings.Count
                    ? new XCell(SharedStrings[i], null, null, false) : XCell.Empty;
            case "str": return new XCell(raw, null, null, false);
            case "b": return new XCell(raw == "1" ? "VERO" : "FALSO", null, null, false);
            case "e": return new XCell(raw, null, null, true);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? new XCell(null, null, iso.Date, false) : new XCell(raw, null, null, false);
            default:
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new XCell(null, number, null, false) : new XCell(raw, null, null, false);
        }
    }

    /// <summary>Turns a stored serial number into a date, honouring the workbook's 1900 or 1904 date system.</summary>
    public DateTime? SerialToDate(double serial)
    {
        if (double.IsNaN(serial) || serial < 1 || serial > 2958465) return null;
        var days = Math.Floor(serial) + (_date1904 ? 1462 : 0);
        try { return DateTime.FromOADate(days).Date; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Loaded on the first shared-string cell, inside the sheet read that needs it (and so guarded with it).</summary>
    private List<string> SharedStrings => _sharedStrings ??= LoadSharedStrings();

    private List<string> LoadSharedStrings()
    {
        if (_workbook.SharedStringTablePart is not { } part) return [];
        using var xml = OpenXml(part);
        return XlsxSharedStrings.Read(xml, _budget);
    }

    public void Dispose() => _document.Dispose();
}
