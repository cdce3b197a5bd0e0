using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Core.Apis;

namespace Portal.Security.Tests;

/// <summary>What every answer to a bad request must look like: no 5xx; an API 4xx is problem details with an Italian title; no English framework text.</summary>
public static partial class Answers
{
    /// <summary>The titles of ProblemDetailsItalian, plus the validation title it uses.</summary>
    public static readonly IReadOnlySet<string> ItalianTitles =
        new[] { 400, 401, 403, 404, 405, 409, 410, 411, 412, 413, 414, 415, 416, 422, 429, 431 }.Select(ProblemDetailsItalian.Title)
            .Append("Dati non validi").ToHashSet(StringComparer.Ordinal);

    /// <summary>Phrases of the framework's English messages (model binding, JSON reader, exceptions).</summary>
    private static readonly string[] EnglishMarkers =
    [
        "The value '", "is not valid for", "is not a valid", "The field ", "field is required", "Failed to read", "Failed to bind",
        "Required parameter", "Implicit body inferred", "Exception", "Stack trace", "could not be converted", "is invalid", "was not present",
        "Unexpected end", "Bad Request", "Internal Server Error", "Reading the request body timed out",
    ];

    /// <summary>Null when the answer is acceptable, else what is wrong with it.</summary>
    public static string? Check(HttpResponseMessage response, string body, bool api)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"{status} {Excerpt(body)}";
        if (api && status >= 400)
        {
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!type.Contains("json", StringComparison.OrdinalIgnoreCase)) return $"{status} senza problem details ({type}): {Excerpt(body)}";
            JsonElement problem;
            try { problem = JsonDocument.Parse(body).RootElement; }
            catch (JsonException) { return $"{status} con un corpo non JSON: {Excerpt(body)}"; }
            if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String)
                return $"{status} senza titolo: {Excerpt(body)}";
            if (!ItalianTitles.Contains(title.GetString()!)) return $"{status} con un titolo non italiano «{title.GetString()}»";
            var english = English(body);
            if (english is not null) return $"{status} con un messaggio in inglese ({english}): {Excerpt(body)}";
            return null;
        }
        if (!api && IsHtml(response.Content.Headers.ContentType))
        {
            foreach (Match m in ValidationMessage().Matches(body))
            {
                var english = English(m.Groups[1].Value);
                if (english is not null) return $"{status}: messaggio di convalida in inglese «{m.Groups[1].Value.Trim()}»";
            }
            if (body.Contains("The value '", StringComparison.Ordinal) || body.Contains("is not valid for", StringComparison.Ordinal))
                return $"{status}: la pagina mostra un messaggio di convalida in inglese";
        }
        return null;
    }

    private static bool IsHtml(MediaTypeHeaderValue? type) => type?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;

    private static string? English(string text) => EnglishMarkers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal));

    public static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    [GeneratedRegex("(?:field-validation-error|validation-summary-errors|invalid-feedback)[^>]*>([\\s\\S]{0,400}?)</(?:span|div|ul)", RegexOptions.IgnoreCase)]
    private static partial Regex ValidationMessage();
}
