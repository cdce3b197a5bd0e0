using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Core.Contracts;

namespace Portal.Anagrafica.Services;

internal sealed class AnagraficaResidenza(AnagraficaDbContext db) : IAnagraficaResidenza
{
    public async Task<ResidenzaInfo?> FindAsync(Guid personId, CancellationToken ct = default) =>
        await db.Records.AsNoTracking().Where(r => r.PersonId == personId)
            .Select(r => new ResidenzaInfo(r.Residenza.ComuneIstat, r.Residenza.Via, r.Residenza.Civico, r.Residenza.Cap, r.Email, r.Cellulare ?? r.Telefono))
            .FirstOrDefaultAsync(ct);
}
