namespace Portal.Core.Files;

/// <summary>Why an upload was refused, in Italian, for the field it came from.</summary>
public sealed class FileRejectedException(string message) : Exception(message);

public sealed record FilePolicy(IReadOnlyList<FileKind> Allowed, long MaxBytes);

public interface IFileStore
{
    /// <summary>
    /// Checks the upload against the policy (type sniffed from the content must match the name's
    /// extension, size within the limit) and saves it, inside the current unit of work when there is one.
    /// </summary>
    Task<StoredFile> AddAsync(string fileName, Stream content, FilePolicy policy, string? by, CancellationToken ct = default);

    Task<StoredFile?> GetAsync(Guid id, CancellationToken ct = default);
}
