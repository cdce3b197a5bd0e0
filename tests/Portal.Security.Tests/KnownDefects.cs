namespace Portal.Security.Tests;

/// <summary>
/// Defects the tests find in modules another engineer is rewriting (Portal.Contents, Portal.Graduatorie), which are
/// not fixed here: each entry names the endpoint, the input and what happens. A case listed here is reported as a
/// known defect instead of failing; remove the entry once the module is fixed (the test then guards the fix).
/// </summary>
public static class KnownDefects
{
    /// <param name="Endpoint">The endpoint key as the tests name it ("POST /api/v1/…" or a page route with its handler).</param>
    /// <param name="Case">The start of the case name ("*" for every case of the endpoint; "righe" for rows written).</param>
    /// <param name="Identity">The caller, or null for every caller.</param>
    /// <param name="Happens">What the portal does today.</param>
    public sealed record Defect(string Endpoint, string Case, string? Identity, string Happens);

    public static readonly IReadOnlyList<Defect> List =
    [
    ];

    public static Defect? Match(string endpoint, string caseName, Identity who) =>
        List.FirstOrDefault(d => string.Equals(d.Endpoint, endpoint, StringComparison.Ordinal)
                                 && (d.Case == "*" || caseName.StartsWith(d.Case, StringComparison.Ordinal))
                                 && (d.Identity is null || d.Identity == who.Name));
}
