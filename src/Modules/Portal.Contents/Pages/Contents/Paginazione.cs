namespace Portal.Contents.Pages.Contents;

/// <summary>
/// The page links of a long list: first, previous, the pages around the current one, next, last (never one link per
/// page: 10,000 avvisi are 1,000 pages).
/// </summary>
public sealed record Paginazione(int Current, int Pages, Func<int, string> Url)
{
    private const int Around = 2;

    public IReadOnlyList<int> Window
    {
        get
        {
            var from = Math.Max(1, Current - Around);
            var to = Math.Min(Pages, Current + Around);
            return Enumerable.Range(from, Math.Max(0, to - from + 1)).ToList();
        }
    }
}
