namespace Portal.Graduatorie.Services;

/// <summary>A workbook as it arrived from the page or the API (at most one byte over the validator's limit).</summary>
public sealed record UploadedFile(string FileName, byte[] Content);
