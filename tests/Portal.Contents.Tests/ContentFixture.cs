using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Testing;

namespace Portal.Contents.Tests;

internal static class ContentTestExtensions
{
    public static Task<ContentItem> CreateAvvisoAsync(this PortalFactory portal, string title, string? slug = null, IReadOnlyList<NewAttachment>? files = null) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().CreateAsync(ContentTypes.Avviso,
            new ContentInput { Title = title, Slug = slug, Summary = "Sommario", Body = "Testo **importante**.", Categoria = "Prove" }, files ?? [], "test"));

    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
