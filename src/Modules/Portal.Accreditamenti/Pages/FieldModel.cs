namespace Portal.Accreditamenti.Pages;

/// <summary>One form field for the _AccField partial: label, value, help, and the Italian error next to it.</summary>
public sealed record FieldModel(string Name, string Label, string? Value, string Kind = "text", string? Help = null, bool Required = false);
