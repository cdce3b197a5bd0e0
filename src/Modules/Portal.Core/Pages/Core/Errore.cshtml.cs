using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;

namespace Portal.Core.Pages.Core;

[IgnoreAntiforgeryToken]
public sealed class ErroreModel : PageModel
{
    public string Title { get; private set; } = "Errore";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code ?? CurrentError());

    public void OnPost(int? code) => Describe(code ?? CurrentError());

    /// <summary>Re-executed after an exception: the status the exception handler chose (a 4xx for an unreadable request).</summary>
    private int CurrentError() => Response.StatusCode >= 400 ? Response.StatusCode : 500;

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("Pagina non trovata", "La pagina richiesta non esiste o non è più disponibile."),
            403 => ("Accesso non consentito", "Non hai i permessi per questa operazione."),
            400 => ("Richiesta non valida", "La richiesta non è stata capita. Se hai inviato un modulo, ricarica la pagina e riprova."),
            405 => ("Operazione non consentita", "Questo indirizzo non accetta la richiesta inviata."),
            413 => ("File troppo grande", "Il contenuto inviato supera la dimensione massima consentita. Riduci il file e riprova."),
            415 => ("Formato non supportato", "Il formato dei dati inviati non è accettato da questa pagina."),
            429 => ("Troppe richieste", "Hai inviato troppe richieste in poco tempo. Attendi un minuto e riprova."),
            _ => ("Si è verificato un errore", "Qualcosa non ha funzionato. Riprova più tardi; se il problema continua, contatta l'assistenza."),
        };
        if (code == 403 && HttpContext.Items.ContainsKey(FunzionarioNetworkRestriction.DeniedItem))
            (Title, Message) = ("Accesso consentito solo dalla intranet", FunzionarioNetworkRestriction.Explanation);
        if (code >= 400) Response.StatusCode = code;
    }
}
