using Microsoft.EntityFrameworkCore;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Demo;

internal sealed class ConsensoPrivacyGuard(WorkflowsDbContext db) : IWorkflowGuard
{
    public const string Message = "Per inviare la richiesta occorre accettare l'informativa sul trattamento dei dati personali.";

    public string Name => "consensoPrivacy";

    public string Description => "Il richiedente ha accettato l'informativa sulla privacy";

    public async Task<GuardResult> CheckAsync(WorkflowGuardContext context, CancellationToken ct) =>
        Guid.TryParse(context.Instance.SubjectId, out var id)
        && await db.RichiesteDiProva.AnyAsync(r => r.Id == id && r.ConsensoPrivacy, ct)
            ? GuardResult.Ok : GuardResult.Fail(Message);
}
