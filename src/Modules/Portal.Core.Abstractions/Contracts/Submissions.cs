namespace Portal.Core.Contracts;

/// <summary>
/// One of a person's submissions (an application, a declaration, an upload, a feed) as "Le mie pratiche" in the
/// personal area lists it, whatever module holds it.
/// </summary>
/// <param name="Servizio">The service in words, e.g. "Bonus DDI 2021", "D.I.D. On Line".</param>
/// <param name="Titolo">What it is, e.g. "Domanda di contributo", "Elenco del Comune di Ancona".</param>
/// <param name="Stato">The state in words, e.g. "Inviata", "In attesa di conferma".</param>
/// <param name="Protocollo">The protocol number once assigned (segnatura), else null.</param>
/// <param name="Url">The page that shows it to the person.</param>
/// <param name="RicevutaUrl">Where the person downloads the receipt, once issued.</param>
public sealed record Submission(
    string Servizio, string Titolo, string Stato, DateTime CreatedUtc, DateTime? UpdatedUtc,
    string? Protocollo, string Url, string? RicevutaUrl);

/// <summary>
/// A module's contribution to "Le mie pratiche": the submissions this person made (or holds) in it. Each module that
/// receives submissions registers one, so a new module appears in the personal area without touching it.
/// </summary>
public interface ISubmissionSource
{
    Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default);
}
