using System.Text.RegularExpressions;

namespace Portal.Architecture.Tests;

/// <summary>
/// Lists skip rows through <c>Paging.Skip</c> (docs/modules.md): <c>(pagina - 1) * size</c> in 32 bits wraps to a negative
/// OFFSET for a large page number, which PostgreSQL refuses with a 500.
/// </summary>
public partial class PagingRuleTests
{
    [Fact]
    public void No_list_multiplies_a_page_number_in_32_bits()
    {
        var found = ModuleTree.Projects.SelectMany(p => p.Sources
                .SelectMany(f => PageTimesSize().Matches(File.ReadAllText(f)).Select(m => $"{p.Name}/{p.Relative(f)}: {m.Value}")))
            .ToList();
        Assert.True(found.Count == 0, "Usare Paging.Skip(pagina, dimensione):\n" + string.Join("\n", found));
    }

    [GeneratedRegex(@"Skip\(\s*\(?\s*\(\s*\w+(\.\w+)?\s*-\s*1\s*\)\s*\*", RegexOptions.CultureInvariant)]
    private static partial Regex PageTimesSize();
}
