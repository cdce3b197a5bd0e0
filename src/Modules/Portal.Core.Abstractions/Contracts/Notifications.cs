namespace Portal.Core.Contracts;

/// <summary>
/// Tells a person something: an e-mail from an Italian template (editable by an Amministratore)
/// and a message in their personal area. Implemented by Portal.Notifications on top of <see cref="IOutbox"/>,
/// so the request joins the caller's transaction and is sent afterwards with retries.
/// </summary>
public interface INotifications
{
    Task EnqueueAsync(NotificationRequest request, CancellationToken ct = default);
}

/// <param name="Template">Template code, e.g. "accreditamento-approvato"; unknown codes are refused.</param>
/// <param name="PersonId">Recipient known to the portal (in-portal message + e-mail from the Anagrafica/person).</param>
/// <param name="Email">Explicit address, used when there is no person or to override it.</param>
/// <param name="Values">Placeholders of the template, e.g. {"comune": "Ancona"}.</param>
/// <param name="IdempotencyKey">Unique per notification; enqueueing the same key twice sends once.</param>
public sealed record NotificationRequest(
    string Template,
    Guid? PersonId,
    string? Email,
    IReadOnlyDictionary<string, string> Values,
    string IdempotencyKey);

/// <summary>A template a module ships; Portal.Notifications stores it once and admins may edit it.</summary>
/// <param name="Subject">Subject with {placeholders}.</param>
/// <param name="Body">Plain-text body with {placeholders}.</param>
public sealed record NotificationTemplateDefault(string Code, string Description, string Subject, string Body);
