using Microsoft.EntityFrameworkCore;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Receipts;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>The lists an operator uploaded, in "Le mie pratiche" (the latest 100).</summary>
internal sealed class InviiSubmissions(GraduatorieDbContext db, IReceipts receipts, RegionComuni comuni) : ISubmissionSource
{
    public async Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default)
    {
        var invii = await db.Invii.AsNoTracking().Where(i => i.OperatorId == personId)
            .OrderByDescending(i => i.CreatedUtc).Take(100).ToListAsync(ct);
        if (invii.Count == 0) return [];
        var issued = await receipts.FindManyAsync(Invio.SubjectType, invii.Select(i => i.Id.ToString()), ct);
        var names = await comuni.NamesAsync(invii.Select(i => i.ComuneIstat), ct);
        return invii.Select(i =>
        {
            var receipt = issued.GetValueOrDefault(i.Id.ToString());
            return new Submission("Borse di studio: invio degli elenchi",
                $"Elenco del Comune di {names.GetValueOrDefault(i.ComuneIstat, i.ComuneIstat)} ({i.FileName})",
                GraduatorieLabels.Stato(i.Stato), i.CreatedUtc, i.DecidedUtc, receipt?.Segnatura,
                $"/invio-elenchi/{i.FinestraId}?comune={i.ComuneIstat}&invio={i.Id}",
                receipt is null ? null : $"/api/v1/graduatorie/invii/{i.Id}/ricevuta");
        }).ToList();
    }
}
