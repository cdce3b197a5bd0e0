namespace Portal.Workflows.Pages.Admin.Workflows;

/// <summary>A text field of the definition editor with its label, help and Italian error.</summary>
public sealed record EditField(string Name, string Label, string? Value, string? Error, string? Help = null, string Type = "text", string? Css = null)
{
    public string Id => "campo-" + Name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}
