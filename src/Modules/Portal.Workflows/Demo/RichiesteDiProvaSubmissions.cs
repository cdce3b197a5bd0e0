using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Receipts;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Demo;

/// <summary>The demo requests in "Le mie pratiche": three queries whatever their number.</summary>
internal sealed class RichiesteDiProvaSubmissions(WorkflowsDbContext db, IWorkflowEngine engine, IReceipts receipts) : ISubmissionSource
{
    public async Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var requests = await db.RichiesteDiProva.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        if (requests.Count == 0) return [];
        var ids = requests.Select(r => r.Id.ToString()).ToList();
        var instances = await engine.FindManyAsync(RichiestaDiProva.SubjectType, ids, ct);
        var issued = await receipts.FindManyAsync(RichiestaDiProva.SubjectType, ids, ct);
        return requests.OrderByDescending(r => r.CreatedUtc).Select(r =>
        {
            var instance = instances.GetValueOrDefault(r.Id.ToString());
            var receipt = issued.GetValueOrDefault(r.Id.ToString());
            return new Submission("Richiesta di prova", r.Oggetto, instance?.StateLabel ?? "In preparazione",
                r.CreatedUtc, instance?.UpdatedUtc, receipt?.Segnatura, "/richieste-di-prova",
                receipt is null ? null : $"/api/v1/ricevute/{receipt.Code}");
        }).ToList();
    }
}
