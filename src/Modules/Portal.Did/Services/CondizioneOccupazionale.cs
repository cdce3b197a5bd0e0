using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Did.Data;

namespace Portal.Did.Services;

/// <summary>
/// <see cref="ICondizioneOccupazionale"/> from the Situazione Occupazionale table, which a confirmed DID updates
/// ("in stato di disoccupazione dal &lt;data DID&gt;"). Disoccupato and inoccupato (without work, registered at a CPI)
/// are both "disoccupato" for services from their date; a pending DID is not enough; before the recorded date,
/// or with no record, the condition is unknown.
/// </summary>
internal sealed class CondizioneOccupazionale(DidDbContext db, CpiDirectory cpi) : ICondizioneOccupazionale
{
    public async Task<CondizioneOccupazionaleInfo> OnDateAsync(string codiceFiscale, DateOnly data, CancellationToken ct = default)
    {
        var cf = (codiceFiscale ?? "").Trim().ToUpperInvariant();
        if (cf.Length == 0) return CondizioneOccupazionaleInfo.Sconosciuta;
        var row = await db.Situazioni.AsNoTracking().FirstOrDefaultAsync(s => s.CodiceFiscale == cf, ct);
        if (row is null)
        {
            var pending = await db.Dichiarazioni.AsNoTracking().Where(d => d.CodiceFiscale == cf && d.PendingKey != null).AnyAsync(ct);
            return pending ? CondizioneOccupazionaleInfo.Sconosciuta with { Fonte = "D.I.D. inviata, in attesa del primo colloquio presso il Centro per l'Impiego" }
                : CondizioneOccupazionaleInfo.Sconosciuta;
        }
        if (row.Dal is { } dal && dal > data)
            return CondizioneOccupazionaleInfo.Sconosciuta with { Fonte = $"Situazione registrata solo dal {dal.ToString("dd/MM/yyyy", RomeTime.Italian)}" };
        var fonte = row.Note ?? $"Situazione occupazionale presso il {(row.CpiCode is null ? "Centro per l'Impiego" : await cpi.NameAsync(row.CpiCode, ct))}";
        return row.Stato switch
        {
            StatoOccupazionaleCpi.Occupato => new CondizioneOccupazionaleInfo(StatoOccupazionale.Occupato, row.Dal, fonte),
            _ => new CondizioneOccupazionaleInfo(StatoOccupazionale.Disoccupato, row.Dal, fonte),
        };
    }
}
