using Portal.Core.Contracts;

namespace Portal.Workflows.Demo;

/// <summary>The notification templates of the demo workflow; placeholders are those of the "notifica:" task.</summary>
internal static class DemoTemplates
{
    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new("richiesta-inviata", "Richiesta di prova inviata",
            "Abbiamo ricevuto la sua richiesta",
            "Gentile utente,\nla sua {pratica} è stata inviata il {data}. Riceverà a breve il numero di protocollo e la ricevuta, che troverà nella sua area personale."),
        new("richiesta-integrazione", "Richiesta di prova: integrazione richiesta",
            "Integrazione richiesta per la sua richiesta",
            "Gentile utente,\nper proseguire l'esame della sua {pratica} è necessaria un'integrazione. Ha 10 giorni per fornirla dalla sua area personale; trascorso il termine la richiesta sarà archiviata."),
        new("richiesta-accolta", "Richiesta di prova accolta",
            "La sua richiesta è stata accolta",
            "Gentile utente,\nla sua {pratica} è stata accolta il {data}."),
        new("richiesta-archiviata", "Richiesta di prova archiviata",
            "La sua richiesta è stata archiviata",
            "Gentile utente,\nla sua {pratica} è stata archiviata il {data} perché l'integrazione richiesta non è arrivata entro il termine."),
    ];
}
