namespace Portal.Contents.Contracts;

/// <summary>A published Avviso as service modules see it: the service it opens and its published documents, in order.</summary>
public sealed record AvvisoInfo(Guid Id, string Title, string? Slug, string? Servizio, IReadOnlyList<AvvisoDocument> Documents)
{
    /// <summary>The public page of the Avviso, when it has an address.</summary>
    public string? Url => Slug is null ? null : $"/avvisi/{Slug}";
}

/// <summary>A document attached to the published Avviso (e.g. the operator manual), with its public download address.</summary>
public sealed record AvvisoDocument(Guid FileId, string Title, string FileName, string ContentType, long Length, string DownloadUrl);
