using System.Text;
using Portal.Core.Files;
using Portal.Testing;

namespace Portal.Core.Tests;

public class FileTypeSnifferTests
{
    private static FileKind? Sniff(byte[] bytes) => FileTypeSniffer.Sniff(bytes.AsSpan(0, Math.Min(16, bytes.Length)), () => new MemoryStream(bytes));

    [Fact]
    public void Recognises_pdf_png_jpeg_tiff_from_their_bytes()
    {
        Assert.Equal(FileTypeSniffer.Pdf, Sniff(Encoding.ASCII.GetBytes("%PDF-1.7\n...")));
        Assert.Equal(FileTypeSniffer.Png, Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(FileTypeSniffer.Jpeg, Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Equal(FileTypeSniffer.Tiff, Sniff(Encoding.ASCII.GetBytes("II*\0rest")));
    }

    [Fact]
    public void Tells_xlsx_docx_and_opendocument_apart_by_their_parts()
    {
        Assert.Equal(FileTypeSniffer.Xlsx, Sniff(TestFiles.XlsxShell()));
        Assert.Equal(FileTypeSniffer.Docx, Sniff(TestFiles.Zip(("[Content_Types].xml", "wordprocessingml.document.main+xml"))));
        Assert.Equal(FileTypeSniffer.Ods, Sniff(TestFiles.Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))));
    }

    [Fact]
    public void A_macro_workbook_a_plain_zip_text_and_garbage_are_not_recognised()
    {
        Assert.Null(Sniff(TestFiles.Zip(("[Content_Types].xml", "spreadsheetml.sheet.macroEnabled.main+xml"))));
        Assert.Null(Sniff(TestFiles.Zip(("a.txt", "hello"))));
        Assert.Null(Sniff(Encoding.UTF8.GetBytes("CODICE FISCALE;COGNOME\n")));
        Assert.Null(Sniff(Encoding.ASCII.GetBytes("PK\u0003\u0004 but not really a zip")));
    }
}
