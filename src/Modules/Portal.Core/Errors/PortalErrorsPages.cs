using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Core.Errors;

/// <summary>The pages' translation of <see cref="PortalException"/>: each message next to its field.</summary>
public static class PortalErrorsPages
{
    /// <param name="prefix">The form's model prefix (e.g. "Input"), when the fields are bound under one.</param>
    /// <param name="summaryKey">Where a refusal that is not about a field goes ("" = the form's summary).</param>
    public static void AddPortalError(this ModelStateDictionary modelState, PortalException e, string? prefix = null, string summaryKey = "")
    {
        if (e.Errors.Count == 0)
        {
            modelState.AddModelError(summaryKey, e.Message);
            return;
        }
        foreach (var (field, message) in e.Errors)
            modelState.AddModelError(string.IsNullOrEmpty(prefix) || field.Length == 0 ? field : $"{prefix}.{field}", message);
    }
}
