namespace Portal.Architecture.Tests;

/// <summary>A module talks to another only through its abstractions (docs/modules.md, "References").</summary>
public class ReferenceRulesTests
{
    [Fact]
    public void Modules_reference_only_Core_and_abstractions()
    {
        var violations = ModuleTree.Features
            .SelectMany(m => m.References.Where(r => r != "Portal.Core" && !r.EndsWith(".Abstractions", StringComparison.Ordinal) && !ModuleTree.Libraries.Contains(r))
                .Select(r => $"{m.Name} → {r}"))
            .ToList();
        Assert.True(violations.Count == 0, "Riferimenti all'implementazione di un altro modulo: " + string.Join(", ", violations));
    }

    /// <summary>A shared library (src/Libraries) is below every module: it knows none of them.</summary>
    [Fact]
    public void Libraries_reference_no_module()
    {
        Assert.NotEmpty(ModuleTree.Libraries);
        var violations = ModuleTree.Libraries
            .SelectMany(l => ModuleTree.LibraryReferences(l).Where(r => r.StartsWith("Portal.", StringComparison.Ordinal)).Select(r => $"{l} → {r}"))
            .ToList();
        Assert.True(violations.Count == 0, "Una libreria condivisa dipende da un modulo: " + string.Join(", ", violations));
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
