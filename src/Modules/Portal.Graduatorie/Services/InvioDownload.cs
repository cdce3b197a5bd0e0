namespace Portal.Graduatorie.Services;

/// <summary>A file handed back to the operator: the receipt's PDF or the workbook with its findings marked.</summary>
public sealed record InvioDownload(string FileName, string ContentType, byte[] Content);
