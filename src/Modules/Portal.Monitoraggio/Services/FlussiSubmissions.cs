using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Receipts;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Model;

namespace Portal.Monitoraggio.Services;

/// <summary>The feeds an ente's operator sent, in "Le mie pratiche" (the latest 100).</summary>
internal sealed class FlussiSubmissions(MonitoraggioDbContext db, IReceipts receipts) : ISubmissionSource
{
    public async Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var flussi = await db.Flussi.AsNoTracking().Where(f => f.OperatorId == personId).OrderByDescending(f => f.CreatedUtc).Take(100).ToListAsync(ct);
        if (flussi.Count == 0) return [];
        var issued = await receipts.FindManyAsync(Flusso.SubjectType, flussi.Select(f => f.Id.ToString()), ct);
        return flussi.Select(f =>
        {
            var receipt = issued.GetValueOrDefault(f.Id.ToString());
            return new Submission("Monitoraggio dei finanziamenti", $"Flusso {f.FileName} ({f.EnteCode})", FlussoLabels.Stato(f.Stato),
                f.CreatedUtc, f.CompletedUtc, receipt?.Segnatura, $"/monitoraggio/flussi/{f.Id}",
                receipt is null ? null : $"/api/v1/ricevute/{receipt.Code}");
        }).ToList();
    }
}
