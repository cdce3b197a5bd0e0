using Portal.Core.Errors;

namespace Portal.Contents.Services;

/// <summary>The refusals of the content lifecycle that are not about a field, with their Italian messages.</summary>
public static class ContentErrors
{
    public const string ConflictMessage =
        "Il contenuto è stato modificato da un'altra persona dopo che lo hai aperto. Ricarica la pagina e ripeti la modifica.";

    public static PortalException Conflict() => PortalException.Conflict(ConflictMessage);

    public static PortalException NotFound() => PortalException.NotFound("Contenuto non trovato.");
}
