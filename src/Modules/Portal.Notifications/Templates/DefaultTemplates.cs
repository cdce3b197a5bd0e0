using Portal.Core.Contracts;

namespace Portal.Notifications.Templates;

/// <summary>The templates this module ships; other modules register their own the same way.</summary>
public static class DefaultTemplates
{
    public const string Messaggio = "messaggio";

    public static readonly NotificationTemplateDefault Generic = new(
        Messaggio,
        "Messaggio generico del portale a una persona (oggetto e testo liberi).",
        "{oggetto}",
        "Gentile {nome},\n\n{testo}\n\nCordiali saluti,\n{portale}\n\nQuesto messaggio è stato inviato automaticamente: non rispondere a questo indirizzo. Lo trovi anche nella tua area personale, alla voce Messaggi.");
}
