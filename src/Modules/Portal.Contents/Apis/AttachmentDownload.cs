using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Contents.Services;
using Portal.Core.Files;
using Portal.Core.Security;

namespace Portal.Contents.Apis;

public static class AttachmentDownload
{
    /// <summary>The public address of an attached file.</summary>
    public static string UrlOf(Guid fileId, string fileName) => $"/allegati/{fileId}/{Uri.EscapeDataString(fileName)}";

    /// <summary>
    /// Files attached to published content are public; any other stored file is served only to editors
    /// (for previews), so this URL never exposes another module's uploads.
    /// </summary>
    public static void MapAttachmentDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/allegati/{id:guid}/{name?}", async (Guid id, HttpContext http, ContentQueries queries, IFileStore files, IPermissionService permissions) =>
        {
            var isPublic = await queries.IsPublicAttachmentAsync(id);
            if (!isPublic && !(await permissions.HasPermissionAsync(http.User, ContentsPermissions.Edit.Name) && await queries.IsAnyAttachmentAsync(id)))
                return Results.NotFound();
            var file = await files.GetAsync(id);
            if (file is null) return Results.NotFound();
            http.Response.Headers.CacheControl = isPublic ? "public, max-age=300" : "private, no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).ExcludeFromDescription();
}
