using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Receipts;
using Portal.Did.Data;
using Portal.Did.Model;
using Portal.Did.Workflows;

namespace Portal.Did.Services;

/// <summary>The person's DIDs in "Le mie pratiche".</summary>
internal sealed class DidSubmissions(DidDbContext db, IReceipts receipts) : ISubmissionSource
{
    public async Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var dids = await db.Dichiarazioni.AsNoTracking().Where(d => d.PersonId == personId).OrderByDescending(d => d.SentUtc).ToListAsync(ct);
        if (dids.Count == 0) return [];
        var issued = await receipts.FindManyAsync(Dichiarazione.SubjectType, dids.Select(d => d.Id.ToString()), ct);
        return dids.Select(d =>
        {
            var receipt = issued.GetValueOrDefault(d.Id.ToString());
            return new Submission("D.I.D. On Line", "Dichiarazione di immediata disponibilità", DidWorkflow.Label(d.Stato), d.SentUtc, null,
                receipt?.Segnatura, $"/did/{d.Id}", receipt is null ? null : $"/api/v1/did/dichiarazioni/{d.Id}/ricevuta");
        }).ToList();
    }
}
