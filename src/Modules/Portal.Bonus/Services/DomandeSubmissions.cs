using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Data;
using Portal.Bonus.Model;
using Portal.Bonus.Workflow;
using Portal.Core.Contracts;
using Portal.Core.Receipts;

namespace Portal.Bonus.Services;

/// <summary>The person's Bonus applications in "Le mie pratiche".</summary>
internal sealed class DomandeSubmissions(BonusDbContext db, IReceipts receipts) : ISubmissionSource
{
    public async Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var domande = await db.Domande.AsNoTracking().Where(d => d.PersonId == personId)
            .Join(db.Bandi.AsNoTracking(), d => d.BandoId, b => b.Id, (d, b) => new { d.Id, d.Stato, d.CreatedUtc, d.UpdatedUtc, b.Titolo })
            .OrderByDescending(d => d.UpdatedUtc).ToListAsync(ct);
        if (domande.Count == 0) return [];
        var issued = await receipts.FindManyAsync(Domanda.SubjectType, domande.Select(d => d.Id.ToString()), ct);
        return domande.Select(d =>
        {
            var receipt = issued.GetValueOrDefault(d.Id.ToString());
            return new Submission("Bonus", $"Domanda di contributo – {d.Titolo}", DomandaWorkflow.Label(d.Stato), d.CreatedUtc, d.UpdatedUtc,
                receipt?.Segnatura, $"/bonus/domande/{d.Id}", receipt is null ? null : $"/api/v1/bonus/domande/{d.Id}/ricevuta");
        }).ToList();
    }
}
