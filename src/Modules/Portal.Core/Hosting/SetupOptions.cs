namespace Portal.Core.Hosting;

/// <summary>Bound from "Portal:Setup".</summary>
public sealed class SetupOptions
{
    public const string Section = "Portal:Setup";

    /// <summary>Folder holding setup.recipe.json and demo.recipe.json; default: "recipes" next to the binaries.</summary>
    public string? RecipesPath { get; set; }

    /// <summary>Apply migrations and the setup recipe at start (default true).</summary>
    public bool AutoSetup { get; set; } = true;

    /// <summary>Also run the demo recipe at first start; default: true in Development.</summary>
    public bool? RunDemo { get; set; }

    public string ResolveRecipesPath() =>
        string.IsNullOrWhiteSpace(RecipesPath) ? Path.Combine(AppContext.BaseDirectory, "recipes") : Path.GetFullPath(RecipesPath);
}
