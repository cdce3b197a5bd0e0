namespace Portal.Did.Model;

/// <summary>
/// A Dichiarazione di Immediata Disponibilità sent on line. What was declared is kept as sent (<see cref="DichiarazioniJson"/>:
/// the texts with their answers), so the receipt and any later check show exactly the self-certification (DPR 445/2000).
/// </summary>
public sealed class Dichiarazione
{
    public const string SubjectType = "Did.Dichiarazione";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string CodiceFiscale { get; set; }
    public required string Cognome { get; set; }
    public required string Nome { get; set; }
    /// <summary>The residence Comune when sent, and the CPI competent for it.</summary>
    public string? ComuneIstat { get; set; }
    public required string CpiCode { get; set; }
    public DateTime SentUtc { get; set; }
    /// <summary>By when the first-interview appointment must be recorded (sending instant + the setting's days).</summary>
    public DateTime ScadenzaAppuntamentoUtc { get; set; }
    public StatoDid Stato { get; set; } = StatoDid.Inviata;
    /// <summary>The key the client sent (header Idempotency-Key or the form's hidden key): one DID per person and key.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>The person id while the DID is pending (Inviata, ColloquioFissato), null otherwise: unique, so a person has one pending DID.</summary>
    public string? PendingKey { get; set; }
    public required string DichiarazioniJson { get; set; }
    public DateTime? AppuntamentoUtc { get; set; }
    public string? AppuntamentoLuogo { get; set; }
    /// <summary>The appointment date + the grace days: after it, without an outcome, the DID lapses.</summary>
    public DateTime? ScadenzaColloquioUtc { get; set; }
    public DateTime? ColloquioSvoltoUtc { get; set; }
    public string? GiustificatoMotivo { get; set; }
    public DateTime? ChiusaUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
