namespace Portal.Architecture.Tests;

/// <summary>A module talks to another only through its abstractions (docs/modules.md, "References").</summary>
public class ReferenceRulesTests
{
    [Fact]
    public void Modules_reference_only_Core_and_abstractions()
    {
        var violations = ModuleTree.Features
            .SelectMany(m => m.References.Where(r => r != "Portal.Core" && !r.EndsWith(".Abstractions", StringComparison.Ordinal))
                .Select(r => $"{m.Name} → {r}"))
            .ToList();
        Assert.True(violations.Count == 0, "Riferimenti all'implementazione di un altro modulo: " + string.Join(", ", violations));
    }

    /// <summary>Only Portal.Documents draws: the others build a PdfDocument and hand it to IPdfRenderer.</summary>
    [Fact]
    public void Only_the_documents_module_references_the_drawing_libraries()
    {
        string[] drawing = ["SkiaSharp", "QRCoder"];
        var users = ModuleTree.Projects.Where(p => p.Packages.Any(drawing.Contains)).Select(p => p.Name).ToList();
        Assert.Equal(["Portal.Documents"], users);
        var sources = ModuleTree.Projects.Where(p => p.Name != "Portal.Documents")
            .SelectMany(p => p.Sources.Where(f => File.ReadLines(f).Any(l => l.StartsWith("using SkiaSharp", StringComparison.Ordinal) || l.StartsWith("using QRCoder", StringComparison.Ordinal)))
                .Select(f => $"{p.Name}/{p.Relative(f)}"))
            .ToList();
        Assert.True(sources.Count == 0, "Disegno PDF fuori da Portal.Documents: " + string.Join(", ", sources));
    }

    [Fact]
    public void Abstractions_reference_only_abstractions()
    {
        var violations = ModuleTree.Projects.Where(p => p.IsAbstractions)
            .SelectMany(m => m.References.Where(r => !r.EndsWith(".Abstractions", StringComparison.Ordinal)).Select(r => $"{m.Name} → {r}"))
            .ToList();
        Assert.True(violations.Count == 0, "Un progetto di contratti dipende da un'implementazione: " + string.Join(", ", violations));
    }

    [Fact]
    public void Core_references_only_its_abstractions()
    {
        var core = ModuleTree.Projects.Single(p => p.IsCore);
        Assert.Equal(["Portal.Core.Abstractions"], core.References);
    }

    [Fact]
    public void Every_module_project_references_Core_abstractions()
    {
        var missing = ModuleTree.Features.Where(m => !m.References.Contains("Portal.Core.Abstractions")).Select(m => m.Name).ToList();
        Assert.True(missing.Count == 0, "Moduli senza Portal.Core.Abstractions: " + string.Join(", ", missing));
    }
}
