using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Services;

namespace Portal.Contents.Pages.Contents;

/// <summary>The site search (/cerca, also the header's search field): published avvisi, pages and graduatorie.</summary>
public sealed class CercaModel(ContentQueries queries) : PageModel
{
    private const int PageSize = 10;
    public IReadOnlyList<SiteSearchResult> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Pagina { get; private set; }
    public int Pages => (Total + PageSize - 1) / PageSize;
    public string? Q { get; private set; }
    public string? Tipo { get; private set; }
    public string? SearchError { get; private set; }
    public bool Searched { get; private set; }

    public Paginazione Paging => new(Pagina, Pages, p => $"?q={Uri.EscapeDataString(Q ?? "")}&tipo={Uri.EscapeDataString(Tipo ?? "")}&pagina={p}");

    public async Task OnGetAsync(string? q, string? tipo, int pagina = 1)
    {
        (Q, Tipo, Pagina) = (q, tipo is not null && SiteSearchResult.TypeOf(tipo) is not null ? tipo.Trim().ToLowerInvariant() : null, Math.Max(1, pagina));
        var text = SearchText.Parse(q);
        Searched = Request.Query.ContainsKey("q");
        SearchError = text.IsEmpty ? (Searched ? "Scrivi una o più parole da cercare." : null) : text.Error;
        if (!text.CanSearch) return;
        (var items, Total) = await queries.SearchSiteAsync(text, Tipo, Pagina, PageSize);
        Items = items;
    }
}
