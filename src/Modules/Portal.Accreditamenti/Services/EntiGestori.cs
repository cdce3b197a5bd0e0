using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Data;
using Portal.Core.Contracts;

namespace Portal.Accreditamenti.Services;

/// <summary>The enti gestori register, read by other modules through <see cref="IEntiGestori"/>.</summary>
internal sealed class EntiGestori(AccreditamentiDbContext db) : IEntiGestori
{
    public async Task<IReadOnlyList<EnteGestoreInfo>> ListAsync(CancellationToken ct = default) =>
        await db.Enti.AsNoTracking().OrderBy(e => e.Denominazione)
            .Select(e => new EnteGestoreInfo(e.Code, e.Denominazione, e.CodiceFiscale, e.Active)).ToListAsync(ct);

    public Task<EnteGestoreInfo?> FindAsync(string code, CancellationToken ct = default) =>
        db.Enti.AsNoTracking().Where(e => e.Code == code)
            .Select(e => new EnteGestoreInfo(e.Code, e.Denominazione, e.CodiceFiscale, e.Active)).FirstOrDefaultAsync(ct);
}
