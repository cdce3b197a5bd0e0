namespace Portal.Monitoraggio.Services;

public static class FlussoLabels
{
    public static string Stato(StatoFlusso s) => s switch
    {
        StatoFlusso.InCoda => "in coda",
        StatoFlusso.InElaborazione => "in elaborazione",
        StatoFlusso.Respinto => "respinto",
        StatoFlusso.ConAvvisi => "con avvisi, in attesa di conferma",
        StatoFlusso.Confermato => "confermato, in applicazione",
        StatoFlusso.Applicato => "applicato",
        StatoFlusso.Annullato => "annullato",
        _ => s.ToString(),
    };

    public static string Badge(StatoFlusso s) => s switch
    {
        StatoFlusso.Applicato => "bg-success",
        StatoFlusso.Respinto => "bg-danger",
        StatoFlusso.ConAvvisi => "bg-warning text-dark",
        StatoFlusso.Annullato => "bg-secondary",
        _ => "bg-info text-dark",
    };
}
