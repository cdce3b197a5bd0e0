using Microsoft.AspNetCore.Diagnostics;
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

    /// <summary>
    /// Re-executed after an exception or for a status code: the status chosen (a 4xx for an unreadable request).
    /// Asked directly (no error to describe, or a code that is not an error status), the page is not found.
    /// </summary>
    private int CurrentError() =>
        HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null || HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            ? Response.StatusCode >= 400 ? Response.StatusCode : 500
            : 404;

    private void Describe(int code)
    {
        // Only error statuses are shown: /errore/99999 used to set an impossible status and fail with a 500.
        if (code is < 400 or > 599) code = 404;
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
        if (code == 403 && HttpContext.Items[AccessDenial.Item] is AccessDenial denial) (Title, Message) = (denial.Title, denial.Message);
        if (code >= 400) Response.StatusCode = code;
    }
}
