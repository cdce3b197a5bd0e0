using System.Text.RegularExpressions;

namespace Portal.Identity.Saml;

/// <summary>The SPID anomaly codes an IdP sends in StatusMessage ("ErrorCode nr19") and what the user is told.</summary>
public static partial class SpidErrors
{
    public const string Generic = "generico";
    public const string InsufficientLevel = "livello";
    /// <summary>Not a SPID code: a single-logout request that could not be read.</summary>
    public const string Logout = "uscita";

    private static readonly Dictionary<string, (string Title, string Message)> Messages = new()
    {
        ["nr19"] = ("Troppi tentativi non riusciti",
            "L'autenticazione non è riuscita perché le credenziali sono state inserite in modo errato troppe volte. Attendi qualche minuto e riprova, oppure rivolgiti al tuo gestore dell'identità digitale."),
        ["nr20"] = ("Credenziali non adeguate",
            "Le tue credenziali non hanno il livello di sicurezza richiesto da questo servizio. Attiva con il tuo gestore dell'identità digitale il livello richiesto e riprova."),
        ["nr21"] = ("Tempo scaduto",
            "Il tempo a disposizione per completare l'autenticazione è scaduto. Riprova ad accedere."),
        ["nr22"] = ("Consenso negato",
            "Hai negato il consenso all'invio dei tuoi dati a questo servizio, quindi l'accesso non è possibile. Per accedere riprova e acconsenti all'invio dei dati."),
        ["nr23"] = ("Identità sospesa o revocata",
            "La tua identità digitale risulta sospesa o revocata, oppure le credenziali sono bloccate. Rivolgiti al tuo gestore dell'identità digitale."),
        ["nr25"] = ("Accesso annullato",
            "Hai annullato l'autenticazione. Puoi riprovare quando vuoi dalla pagina di accesso."),
        ["nr30"] = ("Tipo di identità non adatto",
            "L'identità digitale usata non è del tipo richiesto da questo servizio (ad esempio un'identità per uso professionale). Accedi con la tua identità digitale personale."),
        [InsufficientLevel] = ("Livello di sicurezza insufficiente",
            "L'identità digitale è stata verificata con un livello di sicurezza inferiore a quello richiesto da questo servizio. Riprova scegliendo il livello richiesto (ad esempio con l'app o il codice temporaneo)."),
        [Logout] = ("Uscita non riuscita",
            "La richiesta di uscita ricevuta dall'identity provider non è valida. Per uscire dal portale usa il pulsante «Esci»."),
        [Generic] = ("Accesso non riuscito",
            "Non è stato possibile completare l'accesso con l'identità digitale. Riprova dalla pagina di accesso; se il problema continua, contatta l'assistenza."),
    };

    /// <summary>The code ("nr19") in an IdP StatusMessage, or <see cref="Generic"/>.</summary>
    public static string CodeOf(string? statusMessage)
    {
        if (statusMessage is null) return Generic;
        var m = ErrorCodePattern().Match(statusMessage);
        if (!m.Success) return Generic;
        var code = "nr" + m.Groups[1].Value;
        return Messages.ContainsKey(code) ? code : Generic;
    }

    public static (string Title, string Message) Describe(string? code) =>
        code is not null && Messages.TryGetValue(code, out var d) ? d : Messages[Generic];

    [GeneratedRegex(@"ErrorCode\s*nr\s*(\d{1,3})", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorCodePattern();
}
