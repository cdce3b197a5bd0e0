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
            var pages = new PageFlow(pdf, document);
            foreach (var block in document.Blocks) pages.Draw(block);
            if (document.Verification is { } verification) pages.DrawVerification(verification);
            pages.End();
            pdf.Close();
        }
        return output.ToArray();
    }
}
