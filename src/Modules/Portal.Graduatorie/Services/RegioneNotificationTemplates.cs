using Portal.Core.Contracts;

namespace Portal.Graduatorie.Services;

/// <summary>The Italian messages of the regional side, sent through Core's <see cref="INotifications"/>.</summary>
public static class RegioneNotificationTemplates
{
    public const string Sollecito = "graduatorie-sollecito-invio";

    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new(Sollecito, "Sollecito ai Comuni che non hanno inviato l'elenco delle borse di studio",
            "Sollecito: elenco delle borse di studio del Comune di {comune}",
            "Gentile {nome},\n\nalla data del {data} il Comune di {comune} non ha ancora un elenco valido per «{avviso}» ({finestra}).\n" +
            "Gli invii sono possibili fino al {scadenza}: dopo tale data l'elenco non potrà più essere inviato e gli studenti del Comune non entreranno nella graduatoria regionale.\n\n" +
            "Accedi al portale {portale} con il ruolo «Operatore del Comune», scarica il modello aggiornato e carica il file dalla sezione Graduatorie.\n\n" +
            "Se l'elenco è già stato caricato ma è in attesa di conferma, ricordati di confermarlo."),
    ];
}
