using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Core.Contracts;

namespace Portal.Anagrafica.Services;

internal sealed class AnagraficaReader(AnagraficaDbContext db) : IAnagraficaReader
{
    public async Task<AnagraficaSummary?> FindAsync(Guid personId, CancellationToken ct = default)
    {
        var r = await db.Records.AsNoTracking().FirstOrDefaultAsync(x => x.PersonId == personId, ct);
        return r is null ? null : new AnagraficaSummary(r.PersonId, r.CodiceFiscale, r.Cognome, r.Nome, r.Sesso, r.DataNascita, r.LuogoNascita,
            r.Residenza.Via, r.Residenza.Civico, r.Residenza.Cap, r.Residenza.ComuneIstat,
            r.Email, r.Cellulare, r.Telefono, r.Cittadinanza, r.TitoloStudio, r.LastSavedUtc);
    }
}
