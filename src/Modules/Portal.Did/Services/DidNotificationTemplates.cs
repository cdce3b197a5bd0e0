using Portal.Core.Contracts;

namespace Portal.Did.Services;

/// <summary>The Italian e-mail templates of the DID (editable by an Amministratore).</summary>
public static class DidNotificationTemplates
{
    public const string Inviata = "did-inviata";
    public const string ColloquioFissato = "did-colloquio-fissato";
    public const string ColloquioSpostato = "did-colloquio-spostato";
    public const string Confermata = "did-confermata";
    public const string Decaduta = "did-decaduta";
    public const string Revocata = "did-revocata";

    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new(Inviata, "D.I.D. inviata: termine per il primo colloquio",
            "D.I.D. inviata il {data}: fissa il primo colloquio entro il {scadenza}",
            "Gentile {nome},\n\nla tua Dichiarazione di Immediata Disponibilità è stata inviata il {data} al {cpi}.\n\nPer rendere attivo lo stato di disoccupazione devi fissare l'appuntamento per il primo colloquio con il Centro per l'Impiego entro il {scadenza} ({giorni} giorni dall'invio): altrimenti la D.I.D. decade.\n\nLa D.I.D. non sostituisce la domanda all'INPS per l'indennità di disoccupazione.\n\nSegui la tua D.I.D. qui: {indirizzo}"),
        new("did-colloquio-fissato", "D.I.D.: appuntamento per il primo colloquio",
            "D.I.D.: appuntamento per il primo colloquio registrato",
            "Gentile {nome},\n\nil {cpi} ha fissato il primo colloquio della tua {pratica}: {colloquio}, presso {luogo}.\n\nSe non ti presenti senza giustificato motivo, la D.I.D. decade.\n\nDettagli: {indirizzo}"),
        new("did-colloquio-spostato", "D.I.D.: primo colloquio spostato per giustificato motivo",
            "D.I.D.: il primo colloquio è stato spostato",
            "Gentile {nome},\n\nil {cpi} ha riconosciuto il giustificato motivo e ha spostato il primo colloquio della tua {pratica}: {colloquio}, presso {luogo}.\n\nDettagli: {indirizzo}"),
        new("did-confermata", "D.I.D. confermata: stato di disoccupazione",
            "D.I.D. confermata: sei in stato di disoccupazione",
            "Gentile {nome},\n\nil primo colloquio si è svolto e la tua {pratica} è confermata il {data}: sei in stato di disoccupazione dalla data della D.I.D.\n\nDettagli: {indirizzo}"),
        new("did-decaduta", "D.I.D. decaduta",
            "D.I.D. decaduta",
            "Gentile utente,\n\nla tua {pratica} è decaduta il {data} (stato: {stato}) perché il primo colloquio non è stato fissato o svolto nei termini.\nPuoi inviare una nuova D.I.D. dalla tua area personale: {indirizzo}"),
        new("did-revocata", "D.I.D. revocata",
            "D.I.D. revocata",
            "Gentile {nome},\n\nhai revocato la tua {pratica} il {data}.\n\nDettagli: {indirizzo}"),
    ];
}
