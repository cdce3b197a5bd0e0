using Portal.Core.Contracts;

namespace Portal.Did.Services;

/// <summary>The Italian e-mail templates of the DID (editable by an Amministratore).</summary>
public static class DidNotificationTemplates
{
    public const string Inviata = "did-inviata";

    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new(Inviata, "D.I.D. inviata: termine per il primo colloquio",
            "D.I.D. inviata il {data}: fissa il primo colloquio entro il {scadenza}",
            "Gentile {nome},\n\nla tua Dichiarazione di Immediata Disponibilità è stata inviata il {data} al {cpi}.\n\nPer rendere attivo lo stato di disoccupazione devi fissare l'appuntamento per il primo colloquio con il Centro per l'Impiego entro il {scadenza} ({giorni} giorni dall'invio): altrimenti la D.I.D. decade.\n\nLa D.I.D. non sostituisce la domanda all'INPS per l'indennità di disoccupazione.\n\nSegui la tua D.I.D. qui: {indirizzo}"),
        new("did-colloquio-fissato", "D.I.D.: appuntamento per il primo colloquio",
            "D.I.D.: appuntamento per il primo colloquio registrato",
            "Gentile utente,\n\nil Centro per l'Impiego ha registrato l'appuntamento per il primo colloquio della tua {pratica} (stato: {stato}, aggiornato il {data}).\nData, ora e luogo sono indicati nella pagina della D.I.D.: {indirizzo}\n\nSe non ti presenti senza giustificato motivo, la D.I.D. decade."),
        new("did-colloquio-spostato", "D.I.D.: primo colloquio spostato per giustificato motivo",
            "D.I.D.: il primo colloquio è stato spostato",
            "Gentile utente,\n\nil Centro per l'Impiego ha riconosciuto il giustificato motivo e ha spostato il primo colloquio della tua {pratica} (aggiornato il {data}).\nLa nuova data è indicata nella pagina della D.I.D.: {indirizzo}"),
        new("did-confermata", "D.I.D. confermata: stato di disoccupazione",
            "D.I.D. confermata: sei in stato di disoccupazione",
            "Gentile utente,\n\nil primo colloquio si è svolto e la tua {pratica} è confermata il {data}: sei in stato di disoccupazione dalla data della D.I.D.\n\nDettagli: {indirizzo}"),
        new("did-decaduta", "D.I.D. decaduta",
            "D.I.D. decaduta",
            "Gentile utente,\n\nla tua {pratica} è decaduta il {data} (stato: {stato}) perché il primo colloquio non è stato fissato o svolto nei termini.\nPuoi inviare una nuova D.I.D. dalla tua area personale: {indirizzo}"),
        new("did-revocata", "D.I.D. revocata",
            "D.I.D. revocata",
            "Gentile utente,\n\nhai revocato la tua {pratica} il {data}.\n\nDettagli: {indirizzo}"),
    ];
}
