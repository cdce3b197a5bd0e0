namespace Portal.Documents;

/// <summary>
/// A document as data: its metadata, its page shape and the flow of blocks. Modules build it and hand it to
/// <see cref="IPdfRenderer"/>; none of them draws.
/// </summary>
public sealed class PdfDocument(PdfInfo info, PdfOrientation orientation = PdfOrientation.Portrait)
{
    /// <summary>The body text size, used by <see cref="Field"/> and <see cref="Bullet"/>.</summary>
    public const float BodySize = 10;

    private readonly List<PdfBlock> _blocks = [];

    public PdfInfo Info { get; } = info;

    public PdfOrientation Orientation { get; } = orientation;

    public IReadOnlyList<PdfBlock> Blocks => _blocks;

    /// <summary>When set, every page is numbered at its foot: "Pagina N", or "label – pagina N".</summary>
    public bool NumberPages { get; private set; }

    public string? PageLabel { get; private set; }

    public PdfVerification? Verification { get; private set; }

    public PdfDocument Text(string text, PdfFont font = PdfFont.Regular, float size = BodySize, PdfColor? color = null, float indent = 0) =>
        Add(new PdfText(text, font, size, color ?? PdfColor.Black, indent));

    /// <summary>"Label: value", wrapped, in the body size.</summary>
    public PdfDocument Field(string label, string value) => Text($"{label}: {value}");

    public PdfDocument Bullet(string text) => Add(new PdfBullet(text));

    public PdfDocument Heading(string text) => Add(new PdfHeading(text));

    public PdfDocument Gap(float points) => Add(new PdfGap(points));

    public PdfDocument Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows, string emptyText = "Nessuna riga.") =>
        Add(new PdfTable(columns, rows.ToList(), emptyText));

    /// <summary>The two header lines every document of the portal starts with.</summary>
    public PdfDocument Letterhead(string region, string portal) =>
        Text(region, PdfFont.Regular, 10, PdfColor.Grey).Text(portal, PdfFont.Bold, 14, PdfColor.Blue);

    public PdfDocument PageNumbers(string? label = null)
    {
        NumberPages = true;
        PageLabel = label;
        return this;
    }

    public PdfDocument Verify(string url, params string[] lines)
    {
        Verification = new PdfVerification(url, lines);
        return this;
    }

    private PdfDocument Add(PdfBlock block)
    {
        _blocks.Add(block);
        return this;
    }
}
