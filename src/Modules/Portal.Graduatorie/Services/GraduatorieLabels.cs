using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>The Italian words pages, API answers and messages use for the module's statuses and outcomes.</summary>
public static class GraduatorieLabels
{
    public static string Stato(StatoInvio stato) => stato switch
    {
        StatoInvio.Caricato => "Caricato",
        StatoInvio.Respinto => "Respinto",
        StatoInvio.InAttesaDiConferma => "In attesa di conferma",
        StatoInvio.Valido => "Valido",
        StatoInvio.Sostituito => "Sostituito",
        _ => "Annullato",
    };

    public static string Stato(StatoGraduatoria s) => s switch
    {
        StatoGraduatoria.Bozza => "Bozza (ricostruibile)",
        StatoGraduatoria.Approvata => "Approvata",
        _ => "Pubblicata",
    };

    public static string Esito(EsitoPosizione e) => e == EsitoPosizione.Beneficiario ? "Beneficiario" : "Idoneo";
}
