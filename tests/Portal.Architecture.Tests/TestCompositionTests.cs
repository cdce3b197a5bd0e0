using System.Xml.Linq;

namespace Portal.Architecture.Tests;

/// <summary>
/// A module's tests boot the modules they reference and no more (docs/modules.md, "Tests"): they reference
/// their module and what it needs, never the host, which composes everything.
/// </summary>
public class TestCompositionTests
{
    public static TheoryData<string> ModuleTestProjects()
    {
        var data = new TheoryData<string>();
        foreach (var module in ModuleTree.Features.Select(m => m.Name))
        {
            if (File.Exists(Csproj(module))) data.Add(module);
        }
        return data;
    }

    private static string Csproj(string module) =>
        Path.Combine(ModuleTree.Root, "tests", module + ".Tests", module + ".Tests.csproj");

    [Theory]
    [MemberData(nameof(ModuleTestProjects))]
    public void A_module_test_project_does_not_reference_the_host(string module)
    {
        var references = XDocument.Load(Csproj(module)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();
        Assert.DoesNotContain("Portal.Web", references);
        Assert.Contains("Portal.Testing", references);
    }

    [Fact]
    public void The_shared_test_helpers_do_not_reference_the_host()
    {
        var csproj = Path.Combine(ModuleTree.Root, "tests", "Portal.Testing", "Portal.Testing.csproj");
        var references = XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();
        Assert.DoesNotContain("Portal.Web", references);
    }
}
