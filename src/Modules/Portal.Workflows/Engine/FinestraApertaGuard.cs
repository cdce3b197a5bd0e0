using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;

namespace Portal.Workflows.Engine;

/// <summary>"finestraAperta": the subject's Finestra (window) is open now, by the server's clock.</summary>
internal sealed class FinestraApertaGuard(IServiceProvider services) : IWorkflowGuard
{
    public string Name => "finestraAperta";

    public string Description => "La finestra della pratica è aperta";

    public async Task<GuardResult> CheckAsync(WorkflowGuardContext context, CancellationToken ct)
    {
        if (context.Subject?.FinestraId is not { } finestraId) return GuardResult.Fail("La pratica non è collegata a una finestra.");
        var finestre = services.GetService<IFinestre>();
        if (finestre is null) return GuardResult.Fail("Le finestre non sono disponibili: operazione non possibile ora.");
        return await finestre.StateNowAsync(finestraId, ct) switch
        {
            FinestraState.Aperta => GuardResult.Ok,
            FinestraState.Futura => GuardResult.Fail("La finestra non è ancora aperta: l'invio sarà possibile dalla sua apertura."),
            FinestraState.Chiusa => GuardResult.Fail("La finestra è chiusa: non è più possibile eseguire questa operazione."),
            _ => GuardResult.Fail("La finestra della pratica non esiste."),
        };
    }
}
