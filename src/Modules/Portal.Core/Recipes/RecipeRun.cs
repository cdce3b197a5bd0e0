namespace Portal.Core.Recipes;

public sealed class RecipeRun
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Sha256 { get; set; }
    public DateTime RunUtc { get; set; }
    public string? RunBy { get; set; }
    public string? Summary { get; set; }
}
