namespace Portal.Documents;

/// <summary>What a PDF says about itself (its metadata).</summary>
public sealed record PdfInfo(string Title, string Author, string Producer, DateTime CreatedUtc)
{
    public string? Subject { get; init; }
}
