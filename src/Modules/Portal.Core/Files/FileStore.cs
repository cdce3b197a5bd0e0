using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Files;

internal sealed class FileStore(CoreDbContext db, TimeProvider clock) : IFileStore
{
    public async Task<StoredFile> AddAsync(string fileName, Stream content, FilePolicy policy, string? by, CancellationToken ct = default)
    {
        var name = SafeFileName.From(fileName);
        if (string.IsNullOrEmpty(name) || Path.GetFileNameWithoutExtension(name).Length == 0)
            throw new FileRejectedException("Il nome del file non è valido.");
        using var buffer = new MemoryStream();
        var limited = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(limited, ct)) > 0)
        {
            if (buffer.Length + read > policy.MaxBytes)
                throw new FileRejectedException(
                    $"Il file «{name}» supera la dimensione massima consentita di {FileSizes.Format(policy.MaxBytes)}.");
            buffer.Write(limited, 0, read);
        }
        if (buffer.Length == 0) throw new FileRejectedException($"Il file «{name}» è vuoto.");
        var bytes = buffer.ToArray();
        var kind = FileTypeSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, 16)), () => new MemoryStream(bytes, false));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var allowedList = string.Join(", ", policy.Allowed.SelectMany(k => k.Extensions));
        if (kind is null || !policy.Allowed.Contains(kind))
            throw new FileRejectedException(
                $"Il contenuto del file «{name}» non è di un tipo ammesso (ammessi: {allowedList}).");
        if (!kind.Extensions.Contains(extension))
            throw new FileRejectedException(
                $"Il file «{name}» non è ciò che dice il nome: il contenuto è un {kind.Description}.");
        var file = new StoredFile
        {
            FileName = name,
            ContentType = kind.ContentType,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = by,
        };
        db.Files.Add(file);
        // Saved now, as IFileStore promises: inside the caller's unit of work, so it is undone with it.
        await db.SaveChangesAsync(ct);
        return file;
    }

    public Task<StoredFile?> GetAsync(Guid id, CancellationToken ct = default) =>
        db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);

}

public static class FileSizes
{
    /// <summary>"1,5 MB", "320 KB": sizes as Italian readers expect them.</summary>
    public static string Format(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.GetCultureInfo("it-IT")) + " MB"
        : Math.Max(1, Math.Round(bytes / 1024d)).ToString("0", CultureInfo.GetCultureInfo("it-IT")) + " KB";
}
