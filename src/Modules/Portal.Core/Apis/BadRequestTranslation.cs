using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Apis;

/// <summary>
/// What a request the framework could not read (a parameter of the wrong type, malformed JSON, a body too large)
/// means for the person or client that sent it, in Italian and naming the field; never a 500.
/// </summary>
public static partial class BadRequestTranslation
{
    public sealed record Refusal(int Status, string? Field, string Message);

    public static Refusal Describe(BadHttpRequestException e)
    {
        var text = e.Message;
        var match = Parameter().Match(text);
        var field = JsonField(e) ?? (match.Success ? match.Groups[1].Value : null);
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new(413, null, "Il contenuto inviato supera la dimensione massima consentita.");
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new(415, null, "Formato non supportato: inviare i dati come JSON (application/json).");
        if (text.StartsWith("Required parameter", StringComparison.Ordinal))
            return new(400, field, $"Manca il parametro obbligatorio «{field}».");
        if (text.Contains("no body was provided", StringComparison.Ordinal))
            return new(400, field, "La richiesta deve contenere i dati in formato JSON.");
        if (e.InnerException is JsonException)
            return new(400, field ?? "", field is null or "" ? "I dati inviati non sono un JSON valido." : $"Il campo «{field}» ha un valore non valido.");
        if (text.Contains("as JSON", StringComparison.Ordinal))
            return new(400, null, "I dati inviati non sono un JSON valido.");
        if (field is not null)
            return new(400, field, $"Il parametro «{field}» ha un valore non valido.");
        return new(e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400, null, "La richiesta non è valida.");
    }

    public static IResult ToResult(Refusal r) => r.Field is { Length: > 0 } f
        ? Results.ValidationProblem(new Dictionary<string, string[]> { [f] = [r.Message] }, statusCode: r.Status,
            title: ProblemDetailsItalian.Title(r.Status), detail: r.Message)
        : ProblemDetailsItalian.Problem(r.Status, r.Message);

    /// <summary>"$.campi.titolo" → "campi.titolo" from the JSON reader's error.</summary>
    private static string? JsonField(BadHttpRequestException e) =>
        e.InnerException is JsonException { Path: { Length: > 1 } path } ? path.TrimStart('$', '.') : null;

    [GeneratedRegex("parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
