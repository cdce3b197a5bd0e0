using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Testing;

namespace Portal.Contents.Tests;

/// <summary>This project's host is Contents on what every test host has, not the whole portal (docs/modules.md, "Tests").</summary>
public class CompositionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void The_host_composes_only_the_modules_this_project_references()
    {
        var modules = portal.Services.GetRequiredService<ModuleCatalog>().Modules.Select(m => m.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["Portal.AuditTrail", "Portal.Contents", "Portal.Core", "Portal.Users"], modules);
    }

    [Fact]
    public async Task The_site_recipes_ran_with_the_steps_of_absent_modules_skipped()
    {
        var runs = await portal.InScopeAsync(sp => sp.GetRequiredService<RecipeRunner>().RecentRunsAsync(10));
        var setup = Assert.Single(runs, r => r.Name == "setup");
        Assert.Contains("Passi saltati (moduli non presenti):", setup.Summary);
        Assert.Contains("bonusBandi", Assert.Single(runs, r => r.Name == "demo").Summary);
        Assert.DoesNotContain("content (Portal.Contents)", setup.Summary);
    }
}
