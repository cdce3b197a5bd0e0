using Microsoft.AspNetCore.Http;
using Portal.Core.Errors;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>A workbook as it arrived from the page or the API (at most one byte over the validator's limit).</summary>
public sealed record UploadedFile(string FileName, byte[] Content)
{
    public const string MissingFile = "Scegliere il file Excel (.xlsx) da caricare.";

    /// <summary>Reads an upload for the API and the operator page, never more than the validator needs.</summary>
    public static async Task<UploadedFile> ReadAsync(IFormFile? file, string field, CancellationToken ct)
    {
        if (file is null || file.Length == 0) throw PortalException.Invalid(field, MissingFile);
        // One byte over the limit is enough for the validator to answer F04 without reading a huge body.
        var limit = ValidationSettings.MaxFileBytes + 1;
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return new UploadedFile(file.FileName, buffer.ToArray());
    }
}
