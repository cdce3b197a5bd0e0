namespace Portal.Core.Receipts;

/// <summary>A receipt (Ricevuta) issued for a submission; its PDF is in the file store.</summary>
public sealed class Receipt
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Public verification code printed on the receipt and in its QR code.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public string? Segnatura { get; set; }
    public DateTime? ProtocolUtc { get; set; }
    public DateTime IssuedUtc { get; set; }
    public Guid PdfFileId { get; set; }
    /// <summary>The person who may download it again (the submitter).</summary>
    public Guid? OwnerPersonId { get; set; }
    /// <summary>The files the receipt certifies: name, size, SHA-256 (JSON), shown on the verification page.</summary>
    public required string FilesJson { get; set; }
}

public sealed record ReceiptFile(string Nome, long Dimensione, string Sha256);

/// <summary>What a module asks the receipt for.</summary>
public sealed record ReceiptRequest(
    string Title,
    string SubjectType,
    string SubjectId,
    string PersonName,
    string PersonCodiceFiscale,
    Guid? OwnerPersonId,
    Protocol.ProtocolEntry? Protocol,
    IReadOnlyList<(string Label, string Value)> Summary,
    IReadOnlyList<ReceiptFile> Files);
