using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Portal.Identity.Apis;

/// <summary>Why a form posted to a SAML endpoint was not read: the status to answer and the reason for the audit trail.</summary>
internal sealed record FormRefusal(int StatusCode, string Reason);

/// <summary>What a SAML endpoint got from its form: the form and its one message field, or a refusal.</summary>
internal sealed record SamlForm(IFormCollection? Form, string? Message, FormRefusal? Refusal);

/// <summary>
/// Reads the form of a SAML HTTP-POST (or a form posted to another SAML endpoint) within explicit limits, so that
/// an oversized, malformed or hostile body is a 400/413 refusal rather than an exception: url-encoded only, body at
/// most <see cref="MaxBodyBytes"/>, at most <see cref="MaxFields"/> fields, the message field at most
/// <see cref="MaxMessageChars"/> characters and sent once.
/// </summary>
internal static class SamlFormReader
{
    public const long MaxBodyBytes = 1024 * 1024;
    public const int MaxMessageChars = 512 * 1024;
    public const int MaxFields = 20;

    private static readonly FormOptions Limits = new()
    {
        BufferBody = false,
        ValueCountLimit = MaxFields,
        KeyLengthLimit = 100,
        ValueLengthLimit = (int)MaxBodyBytes,
        MultipartBodyLengthLimit = MaxBodyBytes,
    };

    public static async Task<SamlForm> ReadAsync(HttpRequest request, string messageField, CancellationToken ct)
    {
        if (!IsUrlEncodedForm(request.ContentType))
            return Refused(StatusCodes.Status400BadRequest,
                $"Content-Type non ammesso: «{AuditText.Printable(request.ContentType ?? "assente", 100)}» (atteso application/x-www-form-urlencoded).");
        if (request.ContentLength > MaxBodyBytes)
            return Refused(StatusCodes.Status413PayloadTooLarge, $"Corpo della richiesta troppo grande: {request.ContentLength} byte (al massimo {MaxBodyBytes}).");

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            serverLimit.MaxRequestBodySize = MaxBodyBytes;
        request.Body = new BodyLimitStream(request.Body, MaxBodyBytes);
        var feature = new FormFeature(request, Limits);
        request.HttpContext.Features.Set<IFormFeature>(feature);
        IFormCollection form;
        try
        {
            form = await feature.ReadFormAsync(ct);
        }
        catch (BodyTooLargeException)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, $"Corpo della richiesta troppo grande: oltre {MaxBodyBytes} byte.");
        }
        catch (BadHttpRequestException e)
        {
            return Refused(e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest,
                $"Corpo della richiesta non leggibile: {AuditText.Printable(e.Message)}");
        }
        catch (InvalidDataException e)
        {
            // The form reader's own limits (fields, key length) and malformed encodings such as a NUL byte.
            return Refused(StatusCodes.Status400BadRequest,
                $"Modulo non valido o oltre i limiti (al massimo {MaxFields} campi): {AuditText.Printable(e.Message)}");
        }
        catch (IOException e)
        {
            return Refused(StatusCodes.Status400BadRequest, $"Corpo della richiesta interrotto: {AuditText.Printable(e.Message)}");
        }

        var values = form[messageField];
        if (values.Count > 1)
            return Refused(StatusCodes.Status400BadRequest, $"Campo {messageField} ripetuto {values.Count} volte.");
        var message = values.Count == 1 ? values[0] : null;
        if (message?.Length > MaxMessageChars)
            return Refused(StatusCodes.Status413PayloadTooLarge, $"{messageField} troppo grande: {message.Length} caratteri (al massimo {MaxMessageChars}).");
        return new SamlForm(form, message, null);
    }

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static SamlForm Refused(int status, string reason) => new(null, null, new FormRefusal(status, reason));
}
