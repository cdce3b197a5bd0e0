using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Apis;

/// <summary>Problem details (RFC 9457) with Italian titles, for every error the API returns.</summary>
public static class ProblemDetailsItalian
{
    public static string Title(int status) => status switch
    {
        400 => "Richiesta non valida",
        401 => "Accesso richiesto",
        403 => "Operazione non consentita",
        404 => "Risorsa non trovata",
        405 => "Metodo non consentito",
        409 => "Conflitto con lo stato attuale",
        413 => "Contenuto troppo grande",
        415 => "Formato non supportato",
        422 => "Dati non validi",
        429 => "Troppe richieste",
        500 => "Errore interno",
        503 => "Servizio non disponibile",
        _ => "Errore",
    };

    public static IServiceCollection AddPortalProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            c.ProblemDetails.Title = Title(status);
            if (status >= 500)
                c.ProblemDetails.Detail = "Si è verificato un errore imprevisto. Riprovare più tardi o contattare l'assistenza.";
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
        });

    /// <summary>A 400 with one Italian message per field, as the UI shows next to each field.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Dati non validi", detail: "Correggere i campi indicati.");

    public static IResult Problem(int status, string detail) =>
        Results.Problem(statusCode: status, title: Title(status), detail: detail);
}
