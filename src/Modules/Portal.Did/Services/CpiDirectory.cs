using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Did.Data;

namespace Portal.Did.Services;

/// <summary>The competent CPI of a Comune (table did_cpi_comune) with its name from the CPI register (Accreditamenti).</summary>
public sealed class CpiDirectory(DidDbContext db, ICentriImpiego centri)
{
    public async Task<CentroImpiegoInfo?> ForComuneAsync(string? comuneIstat, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(comuneIstat)) return null;
        var code = await db.CpiComuni.AsNoTracking().Where(c => c.ComuneIstat == comuneIstat).Select(c => c.CpiCode).FirstOrDefaultAsync(ct);
        return code is null ? null : await FindAsync(code, ct);
    }

    public async Task<CentroImpiegoInfo?> FindAsync(string? code, CancellationToken ct) =>
        code is null ? null : await centri.FindAsync(code, ct) ?? new CentroImpiegoInfo(code, code, "", true);

    public async Task<string> NameAsync(string code, CancellationToken ct) => (await FindAsync(code, ct))?.Nome ?? code;
}
