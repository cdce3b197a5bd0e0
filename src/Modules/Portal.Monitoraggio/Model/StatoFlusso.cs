namespace Portal.Monitoraggio.Model;

/// <summary>Where a feed is: queued, processed, then refused, waiting for the operator, applied or cancelled.</summary>
public enum StatoFlusso
{
    InCoda,
    InElaborazione,
    Respinto,
    ConAvvisi,
    Confermato,
    Applicato,
    Annullato,
}
