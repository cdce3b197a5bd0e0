using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Data;
using Portal.Core.Contracts;

namespace Portal.Accreditamenti.Services;

/// <summary>The CPI register for other modules (Did derives a person's competent CPI from it).</summary>
internal sealed class CentriImpiego(AccreditamentiDbContext db) : ICentriImpiego
{
    public async Task<IReadOnlyList<CentroImpiegoInfo>> ListAsync(CancellationToken ct = default) =>
        await db.Cpi.AsNoTracking().OrderBy(c => c.Nome)
            .Select(c => new CentroImpiegoInfo(c.Code, c.Nome, c.SiglaProvincia, c.Active)).ToListAsync(ct);

    public async Task<CentroImpiegoInfo?> FindAsync(string code, CancellationToken ct = default) =>
        await db.Cpi.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new CentroImpiegoInfo(c.Code, c.Nome, c.SiglaProvincia, c.Active)).FirstOrDefaultAsync(ct);
}
