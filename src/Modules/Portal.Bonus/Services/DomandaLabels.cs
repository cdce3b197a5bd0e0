namespace Portal.Bonus.Services;

/// <summary>Italian words for the Domanda's coded values and sections.</summary>
public static class DomandaLabels
{
    public static readonly IReadOnlyList<(SezioniDomanda Sezione, string Codice, string Titolo)> Sezioni =
    [
        (SezioniDomanda.Richiedente, "richiedente", "Richiedente"),
        (SezioniDomanda.Nucleo, "nucleo", "Nucleo familiare"),
        (SezioniDomanda.Figli, "figli", "Figli studenti"),
        (SezioniDomanda.Isee, "isee", "ISEE"),
        (SezioniDomanda.Occupazione, "occupazione", "Condizione occupazionale"),
        (SezioniDomanda.Dispositivo, "dispositivo", "Dispositivo"),
        (SezioniDomanda.Dichiarazioni, "dichiarazioni", "Dichiarazioni (DPR 445/2000)"),
    ];

    public static SezioniDomanda? SezioneOf(string codice) =>
        Sezioni.FirstOrDefault(s => string.Equals(s.Codice, codice, StringComparison.OrdinalIgnoreCase)) is { Codice: not null } s ? s.Sezione : null;

    public static string Titolo(SezioniDomanda s) => Sezioni.First(x => x.Sezione == s).Titolo;

    public static string Codice(SezioniDomanda s) => Sezioni.First(x => x.Sezione == s).Codice;

    public static string Ruolo(RuoloRichiedente? r) => r switch
    {
        RuoloRichiedente.Genitore => "Genitore",
        RuoloRichiedente.TutoreLegale => "Tutore legale",
        RuoloRichiedente.GenitoreAffidatario => "Genitore affidatario",
        RuoloRichiedente.GenitoreAdottivo => "Genitore adottivo",
        _ => "–",
    };

    public static string Relazione(RelazioneNucleo r) => r switch
    {
        RelazioneNucleo.Coniuge => "Coniuge o convivente",
        RelazioneNucleo.Figlio => "Figlio/a",
        _ => "Altro componente",
    };

    public static string Livello(LivelloStudio l) => l switch
    {
        LivelloStudio.PrimoCiclo => "Primo ciclo (primaria, secondaria di primo grado)",
        LivelloStudio.SecondoCiclo => "Secondo ciclo (secondaria di secondo grado)",
        LivelloStudio.IeFP => "Istruzione e formazione professionale (IeFP)",
        LivelloStudio.Universita => "Università",
        LivelloStudio.Afam => "Alta formazione artistica, musicale e coreutica (AFAM)",
        LivelloStudio.Its => "Istituto tecnico superiore (ITS)",
        _ => "Istruzione e formazione tecnica superiore (IFTS)",
    };

    public static string Isee(TipoIsee? t) => t switch
    {
        TipoIsee.Ordinario => "ordinario",
        TipoIsee.Corrente => "corrente",
        _ => "–",
    };

    public static string Condizione(CondizioneOccupazionale? c) => c switch
    {
        CondizioneOccupazionale.Occupato => "Occupato",
        CondizioneOccupazionale.Disoccupato => "Disoccupato ai sensi del D.lgs. 150/2015",
        _ => "–",
    };
}
