using System.Text.Json;
using Portal.Core.Recipes;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Recipes;

/// <summary>
/// "workflows" applies workflow definitions, in any of three forms (they can be combined):
/// <list type="bullet">
/// <item><c>"files": ["Portal.Graduatorie:invio-elenco-borse.json"]</c>: definitions modules ship in their <c>Workflows/</c> folder
/// (<see cref="ShippedWorkflowDefinition"/>);</item>
/// <item><c>"shipped": true</c>: every definition the installed modules ship;</item>
/// <item><c>"definitions": [ { definition JSON, see <see cref="WorkflowDefinition"/> } ]</c>: definitions the recipe carries itself.</item>
/// </list>
/// An inline definition equal to its latest version is left as it is; a different one becomes a new version. A shipped file
/// already stored as some version is left as it is (an administrator's later edit stays current); a changed file becomes a new version.
/// Running instances always keep the version they started with.
/// </summary>
internal sealed class WorkflowsStep(DefinitionStore store, IEnumerable<ShippedWorkflowDefinition> shipped) : IRecipeStep
{
    public string Name => "workflows";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var hasDefinitions = step.TryGetProperty("definitions", out var list);
        if (hasDefinitions && list.ValueKind != JsonValueKind.Array)
            throw new RecipeException("workflows: «definitions» deve essere un elenco.");
        var files = ShippedFiles(step);
        if (!hasDefinitions && files is null)
            throw new RecipeException("workflows: manca l'elenco «definitions» (o «files», o «shipped»: true).");
        var by = context.RunBy ?? "ricetta";
        int created = 0, unchanged = 0;
        foreach (var file in files ?? [])
        {
            var definition = Parse(file.ReadJson(), file.Key);
            var outcome = await Valid(definition, () => store.ApplyShippedAsync(definition, by, ct));
            switch (outcome.Result)
            {
                case ShippedResult.Created:
                    created++;
                    if (outcome.Other is not null && outcome.Other.CreatedBy != by)
                        context.Log.Add($"Flusso «{definition.Code}»: il file {file.Key} è cambiato; la versione {outcome.Current.Version} sostituisce la {outcome.Other.Version} (di {outcome.Other.CreatedBy}).");
                    break;
                case ShippedResult.KeptEdit:
                    unchanged++;
                    context.Log.Add($"Flusso «{definition.Code}»: resta la versione {outcome.Current.Version} modificata da {outcome.Current.CreatedBy}; il file {file.Key} (versione {outcome.Other!.Version}) non è cambiato.");
                    break;
                default:
                    unchanged++;
                    break;
            }
        }
        if (hasDefinitions)
        {
            foreach (var element in list.EnumerateArray())
            {
                var definition = DefinitionStore.Parse(element.GetRawText());
                var saved = await Valid(definition, () => store.SaveAsync(definition, by, ct));
                if (saved.Created) created++; else unchanged++;
            }
        }
        context.Log.Add($"Flussi di lavoro: {created} versioni nuove, {unchanged} invariati.");
    }

    /// <summary>The shipped files the step names; null when it names none.</summary>
    private List<ShippedWorkflowDefinition>? ShippedFiles(JsonElement step)
    {
        var all = step.TryGetProperty("shipped", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (all) return shipped.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        if (!step.TryGetProperty("files", out var names)) return null;
        if (names.ValueKind != JsonValueKind.Array)
            throw new RecipeException("workflows: «files» deve essere un elenco di nomi «Modulo:file.json».");
        var result = new List<ShippedWorkflowDefinition>();
        foreach (var name in names.EnumerateArray())
        {
            var key = name.GetString() ?? "";
            result.Add(shipped.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new RecipeException($"workflows: nessun modulo installato distribuisce il flusso «{key}» " +
                    $"(disponibili: {string.Join(", ", shipped.Select(f => f.Key).Order(StringComparer.Ordinal))})."));
        }
        return result;
    }

    private static WorkflowDefinition Parse(string json, string file)
    {
        try { return DefinitionStore.Parse(json); }
        catch (DefinitionException e) { throw new RecipeException($"workflows: il file {file} non è valido: {string.Join(" ", e.Errors)}"); }
    }

    private static async Task<T> Valid<T>(WorkflowDefinition definition, Func<Task<T>> save)
    {
        try
        {
            return await save();
        }
        catch (DefinitionException e)
        {
            throw new RecipeException($"workflows: il flusso «{definition.Code}» non è valido: {string.Join(" ", e.Errors)}");
        }
    }
}
