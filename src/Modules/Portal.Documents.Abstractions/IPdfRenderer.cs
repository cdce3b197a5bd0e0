namespace Portal.Documents;

/// <summary>Renders a <see cref="PdfDocument"/> as a PDF/A file whose text stays extractable (pdftotext reads it).</summary>
public interface IPdfRenderer
{
    byte[] Render(PdfDocument document);
}
