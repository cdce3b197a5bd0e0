using System.Text.Json;
using Portal.Core.Recipes;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Recipes;

/// <summary>
/// "workflows": { "definitions": [ { definition JSON, see <see cref="WorkflowDefinition"/> } ] }.
/// A definition equal to its latest version is left as it is; a different one becomes a new version.
/// </summary>
internal sealed class WorkflowsStep(DefinitionStore store) : IRecipeStep
{
    public string Name => "workflows";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        if (!step.TryGetProperty("definitions", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new RecipeException("workflows: manca l'elenco «definitions».");
        int created = 0, unchanged = 0;
        foreach (var element in list.EnumerateArray())
        {
            var definition = DefinitionStore.Parse(element.GetRawText());
            try
            {
                var saved = await store.SaveAsync(definition, context.RunBy ?? "ricetta", ct);
                if (saved.Created) created++; else unchanged++;
            }
            catch (DefinitionException e)
            {
                throw new RecipeException($"workflows: il flusso «{definition.Code}» non è valido: {string.Join(" ", e.Errors)}");
            }
        }
        context.Log.Add($"Flussi di lavoro: {created} versioni nuove, {unchanged} invariati.");
    }
}
