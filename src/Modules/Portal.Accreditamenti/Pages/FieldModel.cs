using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Accreditamenti.Services;

namespace Portal.Accreditamenti.Pages;

/// <summary>One form field for the _AccField partial: label, value, help, and the Italian error next to it.</summary>
public sealed record FieldModel(string Name, string Label, string? Value, string Kind = "text", string? Help = null, bool Required = false);

internal static class ModelStateExtensions
{
    /// <summary>Shows each service message next to its field; <paramref name="prefix"/> tells apart several forms on one page.</summary>
    public static void AddFieldErrors(this ModelStateDictionary state, FieldValidationException e, string prefix = "")
    {
        foreach (var (field, message) in e.Errors) state.AddModelError(prefix + field, message);
    }
}
