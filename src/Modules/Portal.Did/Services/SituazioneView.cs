namespace Portal.Did.Services;

/// <summary>What the person sees on entering D.I.D. On Line.</summary>
public sealed record SituazioneView(
    string Stato,
    string StatoLabel,
    DateOnly? Dal,
    string Fonte,
    string? CpiCode,
    string? CpiNome,
    string? ComuneIstat,
    string? ComuneNome,
    bool PuoInviare,
    string? MotivoNonInviabile,
    IReadOnlyList<DidListItem> Dichiarazioni);

public sealed record DidListItem(Guid Id, DateTime InviataUtc, string? Protocollo, StatoDid Stato, string StatoLabel,
    DateTime ScadenzaAppuntamentoUtc, DateTime? AppuntamentoUtc, string? AppuntamentoLuogo, string Cognome, string Nome,
    string CodiceFiscale, string CpiCode, bool Ricevuta, bool Dimostrativa = false)
{
    public string ProtocolloTesto => Protocollo ?? (Dimostrativa ? "non protocollata (D.I.D. dimostrativa)" : "in assegnazione");
}

public sealed record DidAccess(bool Allowed, string? Reason);
