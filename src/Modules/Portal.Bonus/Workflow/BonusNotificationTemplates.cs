using Portal.Core.Contracts;

namespace Portal.Bonus.Workflow;

/// <summary>The e-mails to the applicant; placeholders are those of the workflow's "notifica:" task.</summary>
public static class BonusNotificationTemplates
{
    public const string Inviata = "bonus-domanda-inviata";
    public const string Annullata = "bonus-domanda-annullata";

    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new(Inviata, "Domanda Bonus inviata",
            "Domanda inviata: {pratica}",
            "Gentile {nome} {cognome},\nla {pratica} è stata inviata il {data}.\n" +
            "Il numero di protocollo e la ricevuta di invio in PDF saranno disponibili a breve nella pagina della domanda sul {portale} ({indirizzo})."),
        new(Annullata, "Domanda Bonus annullata su richiesta",
            "Domanda annullata: {pratica}",
            "Gentile {nome} {cognome},\ncome da sua richiesta la {pratica} è stata annullata il {data}.\n" +
            "Può ora presentare una nuova domanda, finché una finestra è aperta, dal {portale} ({indirizzo})."),
    ];
}
