using SkiaSharp;

namespace Portal.Documents.Services;

/// <summary>Renders the document model on A4 pages with SkiaSharp: PDF/A, text kept as text, the QR code as vectors.</summary>
internal sealed class SkiaPdfRenderer : IPdfRenderer
{
    public byte[] Render(PdfDocument document)
    {
        using var output = new MemoryStream();
        var info = document.Info;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Subject = info.Subject,
            Author = info.Author,
            Creator = info.Producer,
            Producer = info.Producer,
            Creation = info.CreatedUtc,
            Modified = info.CreatedUtc,
            PdfA = true,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            var pages = new PageFlow(pdf, document, PdfFonts.For(Texts(document)));
            foreach (var block in document.Blocks) pages.Draw(block);
            if (document.Verification is { } verification) pages.DrawVerification(verification);
            pages.End();
            pdf.Close();
        }
        return output.ToArray();
    }

    /// <summary>Every text the document draws (to choose the faces that have all its characters).</summary>
    private static IEnumerable<string?> Texts(PdfDocument document)
    {
        yield return document.PageLabel;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PdfText t: yield return t.Text; break;
                case PdfBullet b: yield return b.Text; break;
                case PdfHeading h: yield return h.Text; break;
                case PdfTable table:
                    yield return table.EmptyText;
                    foreach (var column in table.Columns) yield return column.Title;
                    foreach (var row in table.Rows)
                        foreach (var cell in row) yield return cell;
                    break;
            }
        }
        if (document.Verification is { } verification)
            foreach (var line in verification.Lines) yield return line;
    }
}
