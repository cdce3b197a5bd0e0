namespace Portal.Core.Errors;

/// <summary>What kind of refusal a <see cref="PortalException"/> is; it decides the HTTP status.</summary>
public enum PortalErrorKind
{
    /// <summary>The input is wrong (400, with the message next to each field).</summary>
    Invalid,
    /// <summary>The thing asked for does not exist or is not visible to the caller (404).</summary>
    NotFound,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>Not possible in the current state (409): a closed window, a decision already taken.</summary>
    Conflict,
    /// <summary>Too many in a short time (429): a budget per person ran out; try again later.</summary>
    TooManyRequests,
}

/// <summary>
/// The one way a module refuses an operation: an Italian message for a person, and for
/// <see cref="PortalErrorKind.Invalid"/> the field(s) it belongs to. Pages show it next to the field
/// (<c>ModelState.AddPortalError</c>), the API returns it as problem details; both translations live in Portal.Core.
/// </summary>
public sealed class PortalException : Exception
{
    private PortalException(PortalErrorKind kind, string message, IReadOnlyDictionary<string, string> errors) : base(message)
    {
        Kind = kind;
        Errors = errors;
    }

    public PortalErrorKind Kind { get; }

    /// <summary>Field name → Italian message; empty when the refusal is not about a field.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The first (usually the only) field the refusal is about.</summary>
    public string? Field => Errors.Keys.FirstOrDefault();

    public static PortalException Invalid(string field, string message) =>
        new(PortalErrorKind.Invalid, message, new Dictionary<string, string> { [field] = message });

    public static PortalException Invalid(IReadOnlyDictionary<string, string> errors) =>
        errors.Count == 0 ? throw new ArgumentException("Nessun errore indicato.", nameof(errors))
            : new(PortalErrorKind.Invalid, errors.Count == 1 ? errors.First().Value : "Correggere i campi indicati.", errors);

    public static PortalException NotFound(string message) => new(PortalErrorKind.NotFound, message, Empty);

    public static PortalException Forbidden(string message) => new(PortalErrorKind.Forbidden, message, Empty);

    public static PortalException Conflict(string message) => new(PortalErrorKind.Conflict, message, Empty);

    public static PortalException TooManyRequests(string message) => new(PortalErrorKind.TooManyRequests, message, Empty);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}
