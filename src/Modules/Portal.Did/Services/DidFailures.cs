using Portal.Core.Errors;
using Portal.Workflows.Engine;

namespace Portal.Did.Services;

internal static class DidFailures
{
    /// <summary>Turns a refused firing into the portal's refusal (state and permission problems are 409/403, with the engine's Italian message).</summary>
    public static void ThrowIfFailed(WorkflowResult result, string? invalidStateMessage = null)
    {
        if (result.Succeeded) return;
        throw result.Failure switch
        {
            WorkflowFailure.NotFound => PortalException.NotFound(result.Error ?? "La D.I.D. richiesta non esiste."),
            WorkflowFailure.NotAllowed => PortalException.Forbidden(result.Error ?? "Operazione non consentita."),
            WorkflowFailure.InvalidState => PortalException.Conflict(invalidStateMessage ?? result.Error ?? "Operazione non possibile nello stato attuale."),
            _ => PortalException.Conflict(result.Error ?? "Operazione non eseguita: riprovare."),
        };
    }
}
