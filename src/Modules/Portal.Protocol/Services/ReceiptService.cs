using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Protocol.Data;
using Portal.Core.Files;
using Portal.Core.Settings;
using Portal.Documents;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

internal sealed class ReceiptService(
    ProtocolDbContext db, IUnitOfWork unitOfWork, IFileStore files, ISiteSettings settings, IPublicAddress publicAddress, IPdfRenderer pdfs, TimeProvider clock) : IReceipts
{
    private static readonly FilePolicy PdfPolicy = new([FileTypeSniffer.Pdf], 20L * 1024 * 1024);

    // Crockford's base32 without I, L, O, U: codes are read aloud and typed by people.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<Receipt> IssueAsync(ReceiptRequest request, CancellationToken ct = default)
    {
        var existing = await FindAsync(request.SubjectType, request.SubjectId, ct);
        if (existing is not null) return existing;
        var site = await settings.GetAsync(ct);
        var code = NewCode();
        var baseUrl = publicAddress.BaseUrl;
        var issued = clock.GetUtcNow().UtcDateTime;
        var pdf = pdfs.Render(ReceiptDocument.Build(request, site.PortalName, site.RegionName, code, $"{baseUrl}/verifica/{code}", issued));
        // The PDF and its receipt row commit together (a savepoint inside the caller's unit, e.g. an outbox message).
        await using var work = await unitOfWork.BeginAsync(ct);
        var file = await files.AddAsync($"ricevuta-{(request.Protocol?.Segnatura ?? code)}.pdf", new MemoryStream(pdf, false), PdfPolicy, "sistema", ct);
        var receipt = new Receipt
        {
            Code = code,
            Title = request.Title,
            SubjectType = request.SubjectType,
            SubjectId = request.SubjectId,
            Segnatura = request.Protocol?.Segnatura,
            ProtocolUtc = request.Protocol?.RegisteredUtc,
            IssuedUtc = issued,
            PdfFileId = file.Id,
            OwnerPersonId = request.OwnerPersonId,
            FilesJson = JsonSerializer.Serialize(request.Files),
        };
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        await work.CompleteAsync(ct);
        return receipt;
    }

    public Task<Receipt?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Code == normalized, ct);
    }

    public Task<Receipt?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default) =>
        db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.SubjectType == subjectType && r.SubjectId == subjectId, ct);

    public async Task<IReadOnlyDictionary<string, Receipt>> FindManyAsync(string subjectType, IEnumerable<string> subjectIds, CancellationToken ct = default)
    {
        var found = new Dictionary<string, Receipt>(StringComparer.Ordinal);
        foreach (var chunk in subjectIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var ids = chunk.ToList();
            foreach (var r in await db.Receipts.AsNoTracking().Where(r => r.SubjectType == subjectType && ids.Contains(r.SubjectId)).ToListAsync(ct))
                found.TryAdd(r.SubjectId, r);
        }
        return found;
    }

    public IReadOnlyList<ReceiptFile> FilesOf(Receipt receipt) =>
        JsonSerializer.Deserialize<List<ReceiptFile>>(receipt.FilesJson) ?? [];

    private static string NewCode() =>
        string.Create(12, 0, (span, _) =>
        {
            Span<byte> bytes = stackalloc byte[12];
            RandomNumberGenerator.Fill(bytes);
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[bytes[i] % Alphabet.Length];
        });
}
