using Portal.Core.Contracts;

namespace Portal.Graduatorie.Workflow;

/// <summary>The e-mails to the operator who uploaded the list; placeholders are those of the workflow's "notifica:" task.</summary>
public static class InvioNotificationTemplates
{
    public const string Accettato = "graduatorie-invio-accettato";
    public const string InAttesa = "graduatorie-invio-in-attesa";
    public const string Scaduto = "graduatorie-invio-scaduto";

    /// <summary>Where the operator finds the upload, the history with each protocol number and receipt.</summary>
    private const string OperatorPage = "nella pagina dell'invio sul {portale} ({indirizzo})";

    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new(Accettato, "Elenco borse di studio accettato",
            "Elenco borse di studio accettato: {pratica}",
            "Gentile {nome} {cognome},\nl'{pratica} è stato accettato il {data} ed è ora l'elenco valido del Comune per la finestra; " +
            "l'eventuale elenco inviato in precedenza è stato sostituito.\n" +
            "Il numero di protocollo e la ricevuta in PDF saranno disponibili a breve " + OperatorPage + ", " +
            "nello storico degli invii del Comune."),
        new(InAttesa, "Elenco borse di studio in attesa di conferma",
            "Elenco borse di studio da confermare: {pratica}",
            "Gentile {nome} {cognome},\nl'{pratica} caricato il {data} non contiene errori ma presenta alcuni avvisi.\n" +
            "Per renderlo l'elenco valido del Comune occorre confermarlo («Conferma invio») " + OperatorPage + ", " +
            "dopo aver letto gli avvisi. Se non viene confermato entro 24 ore dal caricamento, l'invio è annullato automaticamente " +
            "e resta valido l'elenco inviato in precedenza."),
        new(Scaduto, "Elenco borse di studio annullato per mancata conferma",
            "Elenco borse di studio annullato: {pratica}",
            "Gentile {nome} {cognome},\nl'{pratica}, che presentava avvisi, non è stato confermato entro 24 ore ed è stato annullato il {data}.\n" +
            "L'elenco valido del Comune non è cambiato. Per inviare l'elenco occorre caricarlo di nuovo " + OperatorPage + "."),
    ];
}
