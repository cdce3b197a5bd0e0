namespace Portal.Contents.Services;

/// <summary>A new file to attach, as it arrives from a form or the API.</summary>
public sealed record NewAttachment(string FileName, Stream Content, string? Title);
