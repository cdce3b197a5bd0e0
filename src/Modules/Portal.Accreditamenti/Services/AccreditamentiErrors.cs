namespace Portal.Accreditamenti.Services;

/// <summary>Input refused: one Italian message per field, shown next to it (pages) or in a validation problem (API).</summary>
public sealed class FieldValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;

    public static void ThrowIfAny(Dictionary<string, string> errors)
    {
        if (errors.Count > 0) throw new FieldValidationException(errors);
    }
}

/// <summary>The operation does not fit the current state (e.g. approving a request already rejected): HTTP 409.</summary>
public sealed class StateConflictException(string message) : Exception(message);

/// <summary>The thing does not exist (or the caller may not know it exists): HTTP 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);
