using System.Text.Json;
using Portal.Core.Recipes;
using Portal.Notifications.Templates;

namespace Portal.Notifications.Recipes;

/// <summary>"notificationTemplates": {} stores the default templates the modules register, if missing (never overwriting an edit).</summary>
internal sealed class TemplatesStep(TemplateStore templates) : IRecipeStep
{
    public string Name => "notificationTemplates";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var inserted = await templates.SyncDefaultsAsync(ct);
        context.Log.Add($"Modelli di notifica: {inserted} aggiunti.");
    }
}
