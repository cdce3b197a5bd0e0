using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;

namespace Portal.Contents.Pages.Contents;

public sealed class GraduatorieModel(ContentQueries queries) : PageModel
{
    public IReadOnlyList<PublishedContent> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Avvisi { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        Items = await queries.ListPublishedAsync(ContentTypes.Graduatoria);
        Avvisi = await queries.PublishedTitlesAsync(Items.Select(g => g.Item.ParentId).OfType<Guid>().Distinct().ToList());
    }
}
