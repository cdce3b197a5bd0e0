using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Tests;

/// <summary>
/// The "workflows" recipe step applying the definitions modules ship in their Workflows/ folder. The test project ships
/// its own (tests/Portal.Workflows.Tests/Workflows/*.json, embedded like a module's), one definition code per test.
/// </summary>
public class ShippedDefinitionTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    public static readonly string[] Files =
    [
        "distribuito-una-volta.json", "distribuito-modificato.json", "distribuito-modificato-v2.json", "distribuito-admin.json",
    ];

    private sealed record StoredVersion(int Version, string CreatedBy, WorkflowDefinition Definition);

    private static string Key(string file) => $"Portal.Workflows.Tests:{file}";

    private Task<RecipeResult> RunAsync(string stepJson) => portal.InScopeAsync(async sp =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"flussi-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "flussi-{{Guid.NewGuid():N}}", "steps": [ {{stepJson}} ] }""");
        try { return await sp.GetRequiredService<RecipeRunner>().RunFileAsync(path, "test"); }
        finally { File.Delete(path); }
    });

    private Task<RecipeResult> ApplyAsync(string file) => RunAsync($$"""{ "step": "workflows", "files": ["{{Key(file)}}"] }""");

    private Task<List<StoredVersion>> VersionsAsync(string code) => portal.InScopeAsync(async sp =>
        (await sp.GetRequiredService<DefinitionStore>().VersionsAsync(code))
            .Select(v => new StoredVersion(v.Version, v.CreatedBy, DefinitionStore.Parse(v.Json))).ToList());

    [Fact]
    public async Task The_setup_recipe_applied_the_definitions_the_modules_ship()
    {
        var stored = await portal.InScopeAsync(sp => sp.GetRequiredService<DefinitionStore>().LatestStoredAsync(Demo.RichiesteDiProvaService.DefinitionCode));
        Assert.NotNull(stored);
        var shipped = portal.Services.GetServices<ShippedWorkflowDefinition>().Select(f => f.Key).ToList();
        Assert.Contains("Portal.Workflows:richiesta-di-prova.json", shipped);
    }

    [Fact]
    public async Task A_shipped_file_is_applied_once_and_applying_it_again_adds_no_version()
    {
        var first = await ApplyAsync("distribuito-una-volta.json");
        Assert.Contains("Flussi di lavoro: 1 versioni nuove, 0 invariati.", first.Log);
        var again = await ApplyAsync("distribuito-una-volta.json");
        Assert.Contains("Flussi di lavoro: 0 versioni nuove, 1 invariati.", again.Log);

        var versions = await VersionsAsync("distribuito-una-volta");
        Assert.Equal([1], versions.Select(v => v.Version));
        Assert.Equal("Pratica distribuita", versions[0].Definition.Name);
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_version_and_running_instances_keep_theirs()
    {
        await ApplyAsync("distribuito-modificato.json");
        var started = await portal.InScopeAsync(sp => sp.GetRequiredService<Engine.IWorkflowEngine>()
            .StartAsync(new Engine.WorkflowStart("distribuito-modificato", Guid.NewGuid().ToString("N"), null, null, Engine.WorkflowActor.System)));
        Assert.True(started.Succeeded, started.Error);

        // The module's next release ships the file changed.
        var changed = await ApplyAsync("distribuito-modificato-v2.json");
        Assert.Contains("Flussi di lavoro: 1 versioni nuove, 0 invariati.", changed.Log);

        var versions = await VersionsAsync("distribuito-modificato");
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("Chiudi la pratica", versions[0].Definition.Transition("chiudi")!.Label);
        var running = await portal.InScopeAsync(sp => sp.GetRequiredService<Engine.IWorkflowEngine>().GetAsync(started.Instance!.Id));
        Assert.Equal(1, running!.DefinitionVersion);
    }

    [Fact]
    public async Task Re_running_the_recipe_keeps_an_administrators_edit_of_a_shipped_definition()
    {
        await ApplyAsync("distribuito-admin.json");
        var edited = await portal.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<DefinitionStore>();
            var shipped = DefinitionStore.Parse((await store.LatestStoredAsync("distribuito-admin"))!.Json);
            return await store.SaveAsync(shipped with { Name = "Pratica distribuita, rinominata" }, "Amministratore Regione");
        });
        Assert.True(edited.Created);

        var rerun = await ApplyAsync("distribuito-admin.json");

        Assert.Contains("Flussi di lavoro: 0 versioni nuove, 1 invariati.", rerun.Log);
        Assert.Contains(rerun.Log, l => l.Contains("resta la versione 2 modificata da Amministratore Regione", StringComparison.Ordinal));
        var versions = await VersionsAsync("distribuito-admin");
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("Pratica distribuita, rinominata", versions[0].Definition.Name);
    }

    [Fact]
    public async Task Shipped_true_applies_every_shipped_file_and_leaves_the_unchanged_ones_alone()
    {
        var before = await VersionsAsync(Demo.RichiesteDiProvaService.DefinitionCode);
        var result = await RunAsync("""{ "step": "workflows", "shipped": true }""");
        Assert.Contains(result.Log, l => l.StartsWith("Flussi di lavoro:", StringComparison.Ordinal));
        Assert.Equal(before.Count, (await VersionsAsync(Demo.RichiesteDiProvaService.DefinitionCode)).Count);
    }

    [Fact]
    public async Task A_file_no_module_ships_is_refused_naming_the_available_ones()
    {
        var e = await Assert.ThrowsAsync<RecipeException>(() => RunAsync("""{ "step": "workflows", "files": ["Portal.Nessuno:fantasma.json"] }"""));
        Assert.Contains("«Portal.Nessuno:fantasma.json»", e.Message, StringComparison.Ordinal);
        Assert.Contains("Portal.Workflows:richiesta-di-prova.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inline_form_still_applies_the_definitions_a_recipe_carries()
    {
        var code = TestWorkflows.Code("in-linea");
        var json = TestWorkflows.Pratica(code).ToJson();
        var step = $$"""{ "step": "workflows", "definitions": [ {{json}} ] }""";
        Assert.Contains("Flussi di lavoro: 1 versioni nuove, 0 invariati.", (await RunAsync(step)).Log);
        Assert.Contains("Flussi di lavoro: 0 versioni nuove, 1 invariati.", (await RunAsync(step)).Log);
    }
}
