using Portal.Contents.Contracts;
using Portal.Workflows.Engine;

namespace Portal.Contents.Workflows;

/// <summary>
/// "finestraAperta": the subject's Finestra (window) is open now, by the server's clock. Contents answers it because
/// the windows are its content; the workflow engine only knows the guard by name.
/// </summary>
internal sealed class FinestraApertaGuard(IFinestre finestre) : IWorkflowGuard
{
    public string Name => "finestraAperta";

    public string Description => "La finestra della pratica è aperta";

    public async Task<GuardResult> CheckAsync(WorkflowGuardContext context, CancellationToken ct)
    {
        if (context.Subject?.FinestraId is not { } finestraId) return GuardResult.Fail("La pratica non è collegata a una finestra.");
        return await finestre.StateNowAsync(finestraId, ct) switch
        {
            FinestraState.Aperta => GuardResult.Ok,
            FinestraState.Futura => GuardResult.Fail("La finestra non è ancora aperta: l'invio sarà possibile dalla sua apertura."),
            FinestraState.Chiusa => GuardResult.Fail("La finestra è chiusa: non è più possibile eseguire questa operazione."),
            _ => GuardResult.Fail("La finestra della pratica non esiste."),
        };
    }
}
