using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>The protocol and receipt of an applied feed, once the outbox has assigned them.</summary>
public sealed record FlussoRicevuta(string? Segnatura, string? ReceiptCode);

/// <summary>Reading feeds, scoped: an ente's operator sees only the ente's feeds, a Funzionario all of them.</summary>
public sealed class FlussoQueries(MonitoraggioDbContext db, FlussoAccess access, IProtocolRegister register, IReceipts receipts, IFileStore files)
{
    /// <summary>
    /// Where the receipt of a feed is downloaded: under the feed, for whoever may read the feed (every operator and API
    /// credential of the ente, the Funzionario), not only for the person who sent it.
    /// </summary>
    public static string ReceiptUrl(Guid id) => $"/api/v1/monitoraggio/flussi/{id}/ricevuta";

    public async Task<Flusso> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var flusso = await db.Flussi.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw PortalException.NotFound("Flusso non trovato.");
        await access.RequireReadAsync(user, flusso.EnteCode);
        return flusso;
    }

    public async Task<IReadOnlyList<Flusso>> HistoryAsync(string enteCode, int take, CancellationToken ct) =>
        await db.Flussi.AsNoTracking().Where(f => f.EnteCode == enteCode).OrderByDescending(f => f.CreatedUtc).Take(take).ToListAsync(ct);

    public async Task<(IReadOnlyList<FlussoSegnalazione> Rows, int Total)> IssuesAsync(Guid id, int page, int size, CancellationToken ct)
    {
        var q = db.Segnalazioni.AsNoTracking().Where(s => s.FlussoId == id);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.Riga).ThenBy(s => s.Id).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        return (rows, total);
    }

    public async Task<FlussoRicevuta> RicevutaAsync(Guid id, CancellationToken ct)
    {
        var entry = await register.FindAsync(Flusso.SubjectType, id.ToString(), ct);
        var receipt = await receipts.FindAsync(Flusso.SubjectType, id.ToString(), ct);
        return new FlussoRicevuta(entry?.Segnatura, receipt?.Code);
    }

    /// <summary>The receipt's PDF of a feed the user may read (<see cref="GetAsync"/>).</summary>
    public async Task<StoredFile> ReceiptPdfAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await GetAsync(user, id, ct);
        var receipt = await receipts.FindAsync(Flusso.SubjectType, id.ToString(), ct)
            ?? throw PortalException.NotFound("La ricevuta di questo flusso non è disponibile: è rilasciata quando il flusso è applicato e protocollato.");
        return await files.GetAsync(receipt.PdfFileId, ct) ?? throw PortalException.NotFound("Ricevuta non trovata.");
    }

    public async Task<IReadOnlyDictionary<string, Receipt>> ReceiptsAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        await receipts.FindManyAsync(Flusso.SubjectType, ids.Select(i => i.ToString()), ct);
}
