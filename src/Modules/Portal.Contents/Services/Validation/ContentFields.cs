using Portal.Core.Time;

namespace Portal.Contents.Services.Validation;

/// <summary>Small readers shared by the types' validations: trimmed text, Italian local times to UTC.</summary>
internal static class ContentFields
{
    public static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static DateTime? RequiredUtc(DateTime? local, string field, string message, Dictionary<string, string> errors)
    {
        if (local is null) { errors[field] = message; return null; }
        return ToUtc(local, field, errors);
    }

    /// <summary>An Italian local time as UTC; an error under the field for a time that does not exist (or is ambiguous) in Italy.</summary>
    public static DateTime? ToUtc(DateTime? local, string field, Dictionary<string, string> errors)
    {
        if (local is null) return null;
        if (RomeTime.TryFromRome(local.Value, out var utc, out var error)) return utc;
        errors[field] = error!;
        return null;
    }
}
