using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Services;

namespace Portal.Contents.Pages.Contents;

public sealed class AvvisiModel(ContentQueries queries) : PageModel
{
    private const int PageSize = 10;
    public IReadOnlyList<PublishedContent> Items { get; private set; } = [];
    public IReadOnlyList<string> Categorie { get; private set; } = [];
    public int Total { get; private set; }
    public int Pagina { get; private set; }
    public int Pages => (Total + PageSize - 1) / PageSize;
    public string? Q { get; private set; }
    public string? Categoria { get; private set; }
    public string? Stato { get; private set; }
    /// <summary>Why the text cannot be searched, in Italian (shown next to the field).</summary>
    public string? SearchError { get; private set; }

    public Paginazione Paging => new(Pagina, Pages, p =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&categoria={Uri.EscapeDataString(Categoria ?? "")}&stato={Uri.EscapeDataString(Stato ?? "")}&pagina={p}");

    public async Task OnGetAsync(string? q, string? categoria, string? stato, int pagina = 1)
    {
        (Q, Categoria, Stato, Pagina) = (q, categoria, stato, Math.Max(1, pagina));
        SearchError = SearchText.Parse(q).Error;
        (var items, Total) = await queries.SearchAvvisiAsync(new AvvisoFilter(q, categoria, stato, Pagina, PageSize));
        Items = items;
        Categorie = await queries.ListCategorieAsync();
    }
}
