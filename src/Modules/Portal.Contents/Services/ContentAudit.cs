using Portal.Contents.Model;

namespace Portal.Contents.Services;

/// <summary>How a content item is named in the audit trail.</summary>
internal static class ContentAudit
{
    public static string Subject(ContentItem item) => $"{ContentTypes.Label(item.ContentType)} «{item.Title}» ({item.Id})";
}
