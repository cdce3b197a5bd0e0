using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// Hand-built .xlsx packages (System.IO.Compression, no spreadsheet library) whose "Elenco" sheet carries what
/// an attacker would send: DTDs, entity bombs, broken XML, a row of millions of cells, a huge shared-strings
/// table, an entry whose zip header lies about its size. The sheet XML is streamed into the entry, so even the
/// largest stays light for the test process.
/// </summary>
internal static class HostileWorkbooks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string SheetEntry = "xl/worksheets/sheet1.xml";

    /// <summary>The hostile files and the file-level code each must be refused with.</summary>
    public static TheoryData<string, string> Kinds() => new()
    {
        { "dtd", "F01" },
        { "entita-esterna", "F01" },
        { "billion-laughs", "F01" },
        { "xml-malformato", "F01" },
        { "intestazione-zip-falsa", "F01" },
        { "riga-larghissima", "F04" },
        { "stringhe-condivise-numerose", "F04" },
        { "stringhe-condivise-lunghissime", "F04" },
    };

    private static readonly Dictionary<string, Lazy<byte[]>> Cache = new()
    {
        ["dtd"] = new(() => Package(w => w.Write(Sheet(DataRow("&nome;"), "<!DOCTYPE worksheet [<!ENTITY nome \"Rossi\">]>")))),
        ["entita-esterna"] = new(() => Package(w => w.Write(Sheet(DataRow("&xxe;"), "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")))),
        ["billion-laughs"] = new(BillionLaughs),
        ["xml-malformato"] = new(() => Package(w => w.Write(Sheet("<row r=\"2\"><c r=\"A2\"><v>1</c></row>")))),
        ["intestazione-zip-falsa"] = new(LyingHeader),
        ["riga-larghissima"] = new(() => WideRow(4_000_000)),
        ["stringhe-condivise-numerose"] = new(ManySharedStrings),
        ["stringhe-condivise-lunghissime"] = new(LongSharedStrings),
    };

    public static byte[] Get(string kind) => Cache[kind].Value;

    /// <summary>A workbook in the same hand-built form with one clean data row: what the hostile files start from.</summary>
    public static byte[] Clean() => Package(w => w.Write(Sheet(CleanRow())));

    /// <summary>
    /// Row 2 made of <paramref name="cells"/> number cells with pseudo-random values (so the zip does not compress it
    /// beyond the ratio a plain zip-bomb check refuses): 4 million cells give a file of about 8.6 MB.
    /// </summary>
    public static byte[] WideRow(int cells) => Package(w =>
    {
        w.Write(SheetStart());
        w.Write(HeaderRow());
        w.Write("<row r=\"2\">");
        var random = new Random(20261123);
        for (var i = 0; i < cells; i++)
        {
            w.Write("<c><v>");
            w.Write(random.Next(2_500).ToString(CultureInfo.InvariantCulture));
            w.Write("</v></c>");
        }
        w.Write("</row>");
        w.Write(SheetEnd);
    });

    /// <summary>Row 2 with a cell at the given 0-based column, written with its reference (e.g. "CV2").</summary>
    public static byte[] CellAtColumn(int column) => Package(w =>
        w.Write(Sheet(CleanRow().Replace("</row>", $"<c r=\"{Letter(column)}2\"><v>1</v></c></row>", StringComparison.Ordinal))));

    /// <summary><paramref name="rows"/> formatted empty rows after the header (as a sheet formatted far below the data).</summary>
    public static byte[] BlankRows(int rows) => Package(w =>
    {
        w.Write(SheetStart());
        w.Write(HeaderRow());
        for (var r = 2; r < rows + 2; r++) w.Write($"<row r=\"{r}\"><c r=\"A{r}\" s=\"1\"/></row>");
        w.Write(SheetEnd);
    });

    /// <summary>Rows of <paramref name="cellsPerRow"/> formatted empty cells: many cells, few rows, none over column CV.</summary>
    public static byte[] BlankCells(int rows, int cellsPerRow) => Package(w =>
    {
        w.Write(SheetStart());
        w.Write(HeaderRow());
        for (var r = 2; r < rows + 2; r++)
        {
            w.Write($"<row r=\"{r}\">");
            for (var c = 0; c < cellsPerRow; c++) w.Write($"<c r=\"{Letter(c)}{r}\" s=\"1\"/>");
            w.Write("</row>");
        }
        w.Write(SheetEnd);
    });

    /// <summary>
    /// Row 2 with an error (the student's codice fiscale "ERRATO"), then <paramref name="rows"/> rows of
    /// <paramref name="cellsPerRow"/> formatted empty cells: within every reading limit, so it is stored with its row finding.
    /// </summary>
    public static byte[] ErrorRowThenBlankCells(int rows, int cellsPerRow) => Package(w =>
    {
        w.Write(SheetStart());
        w.Write(HeaderRow());
        w.Write(CleanRow().Replace((string)ElencoFiles.Row()[0]!, "ERRATO", StringComparison.Ordinal));
        for (var r = 3; r < rows + 3; r++)
        {
            w.Write($"<row r=\"{r}\">");
            for (var c = 0; c < cellsPerRow; c++) w.Write($"<c r=\"{Letter(c)}{r}\" s=\"1\"/>");
            w.Write("</row>");
        }
        w.Write(SheetEnd);
    });

    /// <summary>A clean row whose NOTE cell holds <paramref name="length"/> characters.</summary>
    public static byte[] LongCell(int length) => Package(w =>
        w.Write(Sheet(CleanRow().Replace("</row>", $"<c r=\"K2\" t=\"inlineStr\"><is><t>{new string('a', length)}</t></is></c></row>", StringComparison.Ordinal))));

    private static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
            dtd.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">");
        dtd.Append("]>");
        return Package(w => w.Write(Sheet(DataRow("&lol9;"), dtd.ToString())));
    }

    /// <summary>1,100,000 distinct shared strings (more than the limit of one million), one cell using the first.</summary>
    private static byte[] ManySharedStrings() => Package(
        w => w.Write(Sheet("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>")),
        strings =>
        {
            strings.Write($"<sst xmlns=\"{Main}\">");
            var random = new Random(7);
            for (var i = 0; i < 1_100_000; i++) strings.Write($"<si><t>{random.Next(10_000_000)}</t></si>");
            strings.Write("</sst>");
        });

    /// <summary>
    /// 1,100 shared strings of 32,000 characters each (35 million characters, over the text limit): each repeats a
    /// random block of its own, so the file stays small without a zip-bomb compression ratio.
    /// </summary>
    private static byte[] LongSharedStrings() => Package(
        w => w.Write(Sheet("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>")),
        strings =>
        {
            strings.Write($"<sst xmlns=\"{Main}\">");
            var random = new Random(11);
            var block = new char[1000];
            for (var i = 0; i < 1_100; i++)
            {
                for (var c = 0; c < block.Length; c++) block[c] = (char)('a' + random.Next(26));
                strings.Write("<si><t>");
                for (var k = 0; k < 32; k++) strings.Write(block);
                strings.Write("</t></si>");
            }
            strings.Write("</sst>");
        });

    /// <summary>
    /// A sheet of 20,000 real rows (about 1.4 MB of XML) whose zip headers (local and central) declare 2,000 bytes:
    /// a reader trusting the header is fed more, or less, than it was told.
    /// </summary>
    private static byte[] LyingHeader()
    {
        var bytes = Package(w =>
        {
            w.Write(SheetStart());
            w.Write(HeaderRow());
            for (var r = 2; r < 20_002; r++) w.Write($"<row r=\"{r}\"><c r=\"B{r}\" t=\"inlineStr\"><is><t>Rossi {r}</t></is></c></row>");
            w.Write(SheetEnd);
        });
        var name = Encoding.ASCII.GetBytes(SheetEntry);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30), // local file header
                0x02014b50 => (24, 28, 46), // central directory header
                _ => (-1, 0, 0),
            };
            if (sizeAt < 0 || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameLengthAt)) != name.Length
                || !bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), 2_000);
            patched++;
        }
        if (patched != 2) throw new InvalidOperationException($"Intestazioni zip modificate: {patched} invece di 2.");
        return bytes;
    }

    public static byte[] Package(Action<TextWriter> sheet, Action<TextWriter>? sharedStrings = null)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sst = sharedStrings is null ? ""
                : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                sst + "</Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Entry(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                $"<sheets><sheet name=\"{ElencoTemplate.DataSheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>"));
            Entry(zip, SheetEntry, sheet);
            if (sharedStrings is not null) Entry(zip, "xl/sharedStrings.xml", sharedStrings);
        }
        return ms.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        write(w);
    }

    private static string SheetStart(string prolog = "") => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{prolog}<worksheet xmlns=\"{Main}\"><sheetData>";

    private const string SheetEnd = "</sheetData></worksheet>";

    private static string Sheet(string rows, string prolog = "") => SheetStart(prolog) + HeaderRow() + rows + SheetEnd;

    private static string HeaderRow() =>
        "<row r=\"1\">" + string.Concat(ElencoTemplate.Headers.Select((h, c) => InlineCell(Letter(c) + "1", SecurityElement.Escape(h)))) + "</row>";

    /// <summary>Row 2 with <paramref name="rawText"/> (XML, entities allowed) as the student's surname.</summary>
    private static string DataRow(string rawText) => $"<row r=\"2\">{InlineCell("B2", rawText)}</row>";

    /// <summary>Row 2 of <see cref="ElencoFiles.Row"/>: texts inline, the birth date as a serial number, class and ISEE as numbers.</summary>
    private static string CleanRow()
    {
        var values = ElencoFiles.Row();
        var cells = new StringBuilder("<row r=\"2\">");
        for (var c = 0; c < values.Length; c++)
        {
            var reference = Letter(c) + "2";
            cells.Append(values[c] switch
            {
                null => "",
                string s => InlineCell(reference, SecurityElement.Escape(s)),
                DateTime d => $"<c r=\"{reference}\"><v>{d.ToOADate().ToString(CultureInfo.InvariantCulture)}</v></c>",
                IFormattable n => $"<c r=\"{reference}\"><v>{n.ToString(null, CultureInfo.InvariantCulture)}</v></c>",
                var other => InlineCell(reference, SecurityElement.Escape(other.ToString()!)),
            });
        }
        return cells.Append("</row>").ToString();
    }

    private static string InlineCell(string reference, string xmlText) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{xmlText}</t></is></c>";

    private static string Letter(int column) => ElencoValidator.ColumnLetter(column);
}
