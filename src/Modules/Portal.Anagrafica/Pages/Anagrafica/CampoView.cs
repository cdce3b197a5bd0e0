namespace Portal.Anagrafica.Pages.Anagrafica;

/// <summary>One editable input of the form; <see cref="List"/> names the datalist of a search-select.</summary>
public sealed record CampoView(string Name, string Label, string? Value, bool Required = false, string Type = "text",
    string? Help = null, string? List = null, string? Autocomplete = null, string? InputMode = null, string? Css = null);
