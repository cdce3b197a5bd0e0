using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Core.Data;
using Portal.Core.Files;
using Portal.Core.Settings;

namespace Portal.Core.Receipts;

internal sealed class ReceiptService(CoreDbContext db, ISiteSettings settings, IConfiguration configuration, TimeProvider clock) : IReceipts
{
    // Crockford's base32 without I, L, O, U: codes are read aloud and typed by people.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<Receipt> IssueAsync(ReceiptRequest request, CancellationToken ct = default)
    {
        var existing = await FindAsync(request.SubjectType, request.SubjectId, ct);
        if (existing is not null) return existing;
        var site = await settings.GetAsync(ct);
        var code = NewCode();
        var baseUrl = (configuration["Portal:PublicBaseUrl"] ?? "http://localhost:5000").TrimEnd('/');
        var issued = clock.GetUtcNow().UtcDateTime;
        var pdf = ReceiptPdf.Render(request, site.PortalName, site.RegionName, code, $"{baseUrl}/verifica/{code}", issued);
        var file = new StoredFile
        {
            FileName = $"ricevuta-{(request.Protocol?.Segnatura ?? code)}.pdf",
            ContentType = FileTypeSniffer.Pdf.ContentType,
            Length = pdf.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            Content = pdf,
            CreatedUtc = issued,
            CreatedBy = "sistema",
        };
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
        db.Files.Add(file);
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync(ct);
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
