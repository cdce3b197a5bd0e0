namespace Portal.Monitoraggio.Validation;

/// <summary>A valid line of a feed, its amounts in euro cents.</summary>
public sealed record FeedRecord(
    int Line,
    string CodiceEnte,
    DateOnly DataRiferimento,
    string IdPratica,
    string CfPiva,
    string Denominazione,
    string ComuneIstat,
    string Misura,
    DateOnly DataDomanda,
    long ImportoRichiesto,
    string Stato,
    DateOnly? DataDelibera,
    long? ImportoDeliberato,
    DateOnly? DataErogazione,
    long? ImportoErogato,
    string? Note);
