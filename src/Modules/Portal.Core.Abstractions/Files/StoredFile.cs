namespace Portal.Core.Files;

/// <summary>An uploaded file kept in the database with its sniffed type and SHA-256.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
}
