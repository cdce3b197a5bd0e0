namespace Portal.Graduatorie.Services;

/// <summary>Several request fields are wrong at once (decree number and date); nothing was written.</summary>
public sealed class RegioneInputException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
