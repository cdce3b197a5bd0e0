namespace Portal.Did.Services;

/// <summary>The declarations ticked on the form (or sent to the API); null or false means not declared.</summary>
public sealed class DidInput
{
    public bool? NonAltroCpi { get; set; }
    public bool? StatoDisoccupazione { get; set; }
    public bool? DisponibileLavoro { get; set; }
    public bool? DisponibileRicerca { get; set; }
    public bool? ImpegnoAppuntamento { get; set; }
    public bool? ImpegnoColloquio { get; set; }
    public bool? Consapevole { get; set; }
    public bool? DisabileOccupazione { get; set; }
    public bool? DisabileSostegno { get; set; }

    public bool Value(string codice) => codice switch
    {
        Dichiarazioni.NonAltroCpi => NonAltroCpi == true,
        Dichiarazioni.StatoDisoccupazione => StatoDisoccupazione == true,
        Dichiarazioni.DisponibileLavoro => DisponibileLavoro == true,
        Dichiarazioni.DisponibileRicerca => DisponibileRicerca == true,
        Dichiarazioni.ImpegnoAppuntamento => ImpegnoAppuntamento == true,
        Dichiarazioni.ImpegnoColloquio => ImpegnoColloquio == true,
        Dichiarazioni.Consapevole => Consapevole == true,
        Dichiarazioni.DisabileOccupazione => DisabileOccupazione == true,
        Dichiarazioni.DisabileSostegno => DisabileSostegno == true,
        _ => false,
    };
}
