namespace Portal.Contents.Pages.Admin.Contents;

/// <summary>One labelled field of the content editor, with its help and its error message.</summary>
public sealed record FieldView(string Name, string Label, string? Value, string Kind = "text", string? Help = null, bool Required = false, int Rows = 3)
{
    public static string? Local(DateTime? d) => d?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
