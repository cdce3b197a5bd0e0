using System.IO.Compression;

namespace Portal.Core.Files;

/// <summary>Recognises a file's real type from its bytes (magic numbers; for ZIP containers, their parts).</summary>
public static class FileTypeSniffer
{
    public static readonly FileKind Pdf = new("pdf", "application/pdf", "documento PDF", [".pdf"]);
    public static readonly FileKind Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "foglio Excel (.xlsx)", [".xlsx"]);
    public static readonly FileKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "documento Word (.docx)", [".docx"]);
    public static readonly FileKind Odt = new("odt", "application/vnd.oasis.opendocument.text", "documento OpenDocument (.odt)", [".odt"]);
    public static readonly FileKind Ods = new("ods", "application/vnd.oasis.opendocument.spreadsheet", "foglio OpenDocument (.ods)", [".ods"]);
    public static readonly FileKind Png = new("png", "image/png", "immagine PNG", [".png"]);
    public static readonly FileKind Jpeg = new("jpeg", "image/jpeg", "immagine JPEG", [".jpg", ".jpeg"]);
    public static readonly FileKind Tiff = new("tiff", "image/tiff", "immagine TIFF", [".tif", ".tiff"]);

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Xlsx, Docx, Odt, Ods, Png, Jpeg, Tiff];

    public static FileKind? Sniff(ReadOnlySpan<byte> head, Func<Stream>? openWhole = null)
    {
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Tiff;
        if (head.StartsWith("PK\u0003\u0004"u8) && openWhole is not null) return SniffZip(openWhole);
        return null;
    }

    private static FileKind? SniffZip(Func<Stream> open)
    {
        try
        {
            using var stream = open();
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null && mimetype.Length < 200)
            {
                using var reader = new StreamReader(mimetype.Open());
                var mime = reader.ReadToEnd().Trim();
                return mime == Odt.ContentType ? Odt : mime == Ods.ContentType ? Ods : null;
            }
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000) return null;
            using var r = new StreamReader(types.Open());
            var xml = r.ReadToEnd();
            // A macro-enabled workbook (.xlsm) declares "sheet.macroEnabled": it is not an .xlsx.
            if (xml.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal)) return Xlsx;
            if (xml.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal)) return Docx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
