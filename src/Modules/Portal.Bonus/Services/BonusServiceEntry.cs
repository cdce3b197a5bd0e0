using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Data;
using Portal.Contents.Contracts;

namespace Portal.Bonus.Services;

/// <summary>The Bonus service on the avviso page: "Presenta domanda" while a window of an Avviso tied to a Bando is open.</summary>
internal sealed class BonusServiceEntry(BonusDbContext db) : IServiceEntry
{
    public string ServiceCode => Bando.ServiceCode;
    public string ServiceUrl => "/bonus";
    public string ServiceName => "Bonus PC per la didattica";

    public async Task<ServiceStart?> StartAsync(AvvisoInfo avviso, FinestraInfo finestra, CancellationToken ct = default)
    {
        var bando = await db.Bandi.AsNoTracking().Where(b => b.AvvisoId == avviso.Id).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        return bando is { } id ? new ServiceStart("Presenta domanda", $"/bonus#bando-{id}") : null;
    }
}
