namespace Portal.Core.Receipts;

public interface IReceipts
{
    /// <summary>Issues the receipt of a subject (once: asking again returns the first one).</summary>
    Task<Receipt> IssueAsync(ReceiptRequest request, CancellationToken ct = default);

    Task<Receipt?> FindByCodeAsync(string code, CancellationToken ct = default);

    Task<Receipt?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default);

    /// <summary>The receipts issued so far for these subjects of one type, by subject id (one query, for lists).</summary>
    Task<IReadOnlyDictionary<string, Receipt>> FindManyAsync(string subjectType, IEnumerable<string> subjectIds, CancellationToken ct = default);

    IReadOnlyList<ReceiptFile> FilesOf(Receipt receipt);
}
