using System.Text.Json;

namespace Portal.Core.Recipes;

/// <summary>A named step of a recipe, registered by a module. Must be idempotent.</summary>
public interface IRecipeStep
{
    string Name { get; }
    Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct);
}

public sealed class RecipeStepContext(string recipeDirectory, string? runBy)
{
    public string RecipeDirectory { get; } = recipeDirectory;
    public string? RunBy { get; } = runBy;
    public List<string> Log { get; } = [];

    public string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RecipeDirectory, path));
}

public sealed class RecipeException(string message) : Exception(message);

public static class RecipeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T Read<T>(JsonElement element, string what) =>
        element.Deserialize<T>(Options) ?? throw new RecipeException($"Passo non valido: {what}.");
}
