using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Contents.Contracts;
using Portal.Contents.Model;
using Portal.Contents.Services;

namespace Portal.Contents.Apis;

/// <summary>The rows of a published Graduatoria as PDF or Excel, from the service that keeps them (<see cref="IGraduatoriaRighe"/>).</summary>
public static class GraduatoriaDownload
{
    public static string UrlOf(Guid graduatoriaId, GraduatoriaFormato formato) =>
        $"/graduatorie/{graduatoriaId}/scarica/{(formato == GraduatoriaFormato.Pdf ? "pdf" : "xlsx")}";

    public static void MapGraduatoriaDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/graduatorie/{id:guid}/scarica/{formato}", async (Guid id, string formato, ContentQueries queries,
            IEnumerable<IGraduatoriaRighe> sources, CancellationToken ct) =>
        {
            GraduatoriaFormato? format = formato.ToLowerInvariant() switch { "pdf" => GraduatoriaFormato.Pdf, "xlsx" => GraduatoriaFormato.Xlsx, _ => null };
            if (format is null) return Results.NotFound();
            var g = await queries.GetPublishedAsync(id, ct);
            if (g is null || g.Item.ContentType != ContentTypes.Graduatoria) return Results.NotFound();
            foreach (var source in sources)
            {
                if (await source.FileAsync(id, format.Value, ct) is { } file)
                {
                    var name = $"{Slugs.Slugify(g.Version.Title)}.{(format == GraduatoriaFormato.Pdf ? "pdf" : "xlsx")}";
                    return Results.File(file.Content, file.ContentType, name);
                }
            }
            return Results.NotFound();
        }).ExcludeFromDescription();
}
