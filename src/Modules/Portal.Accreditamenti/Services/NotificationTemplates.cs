using Portal.Core.Contracts;

namespace Portal.Accreditamenti.Services;

/// <summary>The Italian messages this module sends through Core's <see cref="INotifications"/>.</summary>
public static class NotificationTemplates
{
    public const string Approved = "accreditamento-approvato";
    public const string Rejected = "accreditamento-respinto";
    public const string Revoked = "accreditamento-revocato";
    public const string Enabled = "abilitazione-operatore-concessa";
    public const string Disabled = "abilitazione-operatore-revocata";

    public static IEnumerable<NotificationTemplateDefault> All =>
    [
        new(Approved, "Accreditamento per un Comune approvato",
            "Accreditamento approvato per il Comune di {comune}",
            "Gentile {nome},\n\nla tua richiesta di accreditamento come operatore del Comune di {comune} (per l'inserimento delle graduatorie Borse di studio) è stata approvata il {data}.\n{motivo}\nAl prossimo accesso scegli il ruolo «Operatore del Comune» per inviare la graduatoria."),
        new(Rejected, "Accreditamento per un Comune respinto",
            "Accreditamento respinto per il Comune di {comune}",
            "Gentile {nome},\n\nla tua richiesta di accreditamento come operatore del Comune di {comune} è stata respinta il {data}.\n\nMotivo: {motivo}\n\nPuoi presentare una nuova richiesta dalla voce «Accreditamenti» della tua area personale."),
        new(Revoked, "Accreditamento per un Comune revocato",
            "Accreditamento revocato per il Comune di {comune}",
            "Gentile {nome},\n\nil tuo accreditamento come operatore del Comune di {comune} è stato revocato il {data}.\n\nMotivo: {motivo}"),
        new(Enabled, "Abilitazione di un operatore o funzionario",
            "Abilitazione come {ruolo}",
            "Gentile {nome},\n\nsei stato abilitato come {ruolo}{ambito} il {data}.\n\nAccedi al portale e scegli il ruolo per usare i servizi riservati."),
        new(Disabled, "Disabilitazione di un operatore o funzionario",
            "Disabilitazione come {ruolo}",
            "Gentile {nome},\n\nla tua abilitazione come {ruolo}{ambito} è stata disattivata il {data}.\n\nMotivo: {motivo}"),
    ];
}
