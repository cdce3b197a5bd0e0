using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Receipts;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Demo;

/// <summary>Creates demo requests (and starts their workflow in the same transaction) and lists a person's.</summary>
public sealed class RichiesteDiProvaService(WorkflowsDbContext db, IUnitOfWork unitOfWork, IWorkflowEngine engine, IReceipts receipts, TimeProvider clock)
{
    public const string DefinitionCode = "richiesta-di-prova";

    /// <summary>The definition this module ships: Workflows/richiesta-di-prova.json.</summary>
    public const string DefinitionFile = "richiesta-di-prova.json";

    public async Task<WorkflowResult> CreateAsync(Guid personId, string oggetto, bool consenso, WorkflowActor actor, CancellationToken ct = default)
    {
        var request = new RichiestaDiProva { PersonId = personId, Oggetto = oggetto.Trim(), ConsensoPrivacy = consenso, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        await using var work = await unitOfWork.BeginAsync(ct);
        db.RichiesteDiProva.Add(request);
        await db.SaveChangesAsync(ct);
        var started = await engine.StartAsync(new WorkflowStart(DefinitionCode, request.Id.ToString(), personId, null, actor), ct);
        // A refused start leaves nothing behind: disposing the unit without completing it rolls the request back.
        if (started.Succeeded) await work.CompleteAsync(ct);
        return started;
    }

    public async Task<IReadOnlyList<RichiestaView>> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var requests = await db.RichiesteDiProva.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        var result = new List<RichiestaView>();
        foreach (var r in requests.OrderByDescending(r => r.CreatedUtc))
        {
            var instance = await engine.FindAsync(RichiestaDiProva.SubjectType, r.Id.ToString(), ct);
            var history = instance is null ? [] : await engine.HistoryAsync(instance.Id, ct);
            result.Add(new RichiestaView(r, instance, history, await receipts.FindAsync(RichiestaDiProva.SubjectType, r.Id.ToString(), ct)));
        }
        return result;
    }
}
