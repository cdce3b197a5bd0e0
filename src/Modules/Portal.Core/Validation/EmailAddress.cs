using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Portal.Core.Validation;

/// <summary>
/// The portal's one e-mail rule (people's addresses, help desk, templates, imports): at most 254 characters,
/// one "@", no spaces, a domain with a dot and a top-level domain of letters, and an address .NET can send to as written.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !Pattern().IsMatch(value)) return false;
        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }

    /// <summary>Why the value is not an e-mail address, in Italian; null when it is one.</summary>
    public static string? Problem(string? value) =>
        string.IsNullOrWhiteSpace(value) ? "Indicare l'indirizzo email."
        : value.Length > MaxLength ? $"L'indirizzo email può avere al massimo {MaxLength} caratteri."
        : IsValid(value) ? null
        : $"«{value}» non è un indirizzo email valido (esempio: nome.cognome@example.it).";

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex Pattern();
}
