namespace Portal.Core.Data;

/// <summary>Page numbers of the lists (pages and API, <c>?pagina=</c>), one rule for every module.</summary>
public static class Paging
{
    /// <summary>
    /// The rows page <paramref name="page"/> skips: none for page 1 or less; a page past any real list skips them all (an
    /// empty page). Computed in 64 bits and kept under <c>int.MaxValue</c> with the page's own rows: (page − 1) × size in 32
    /// bits wraps to a negative OFFSET, which PostgreSQL refuses.
    /// </summary>
    public static int Skip(int page, int size) => (int)Math.Min(int.MaxValue - (long)size, (Math.Max(1L, page) - 1) * size);
}
