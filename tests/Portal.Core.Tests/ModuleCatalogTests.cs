using Portal.Core.Modules;

namespace Portal.Core.Tests;

public class ModuleCatalogTests
{
    private sealed class M(string name, params string[] deps) : PortalModule
    {
        public override string Name => name;
        public override IReadOnlyList<string> DependsOn => deps;
    }

    [Fact]
    public void Dependencies_come_before_the_modules_that_need_them()
    {
        var catalog = new ModuleCatalog([new M("Graduatorie", "Workflows", "Contents"), new M("Contents", "Core"), new M("Workflows", "Core"), new M("Core")]);
        var order = catalog.Modules.Select(m => m.Name).ToList();
        Assert.Equal("Core", order[0]);
        Assert.True(order.IndexOf("Contents") < order.IndexOf("Graduatorie"));
        Assert.True(order.IndexOf("Workflows") < order.IndexOf("Graduatorie"));
        Assert.Equal(4, order.Count);
    }

    [Fact]
    public void A_missing_dependency_is_refused_with_its_name()
    {
        var e = Assert.Throws<ModuleCompositionException>(() => new ModuleCatalog([new M("Bonus", "Workflows"), new M("Core")]));
        Assert.Contains("'Workflows'", e.Message);
        Assert.Contains("'Bonus'", e.Message);
    }

    [Fact]
    public void A_cycle_is_refused_and_named()
    {
        var e = Assert.Throws<ModuleCompositionException>(() => new ModuleCatalog([new M("A", "B"), new M("B", "A")]));
        Assert.Contains("circolare", e.Message);
    }

    [Fact]
    public void The_same_module_twice_is_refused()
    {
        Assert.Throws<ModuleCompositionException>(() => new ModuleCatalog([new M("A"), new M("A")]));
    }

    [Fact]
    public void Discovery_finds_the_modules_the_host_references_in_dependency_order()
    {
        var names = ModuleCatalog.Discover().Modules.Select(m => m.Name).ToList();
        Assert.Contains("Portal.Core", names);
        Assert.Contains("Portal.Contents", names);
        Assert.True(names.IndexOf("Portal.Core") < names.IndexOf("Portal.Contents"));
    }
}
