using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Receipts;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>The uploads as the operator page and the API read them: one upload, a Comune's history, its valid list, receipts, findings.</summary>
public sealed class InvioQueries(GraduatorieDbContext db, InvioAccess access, FinestreGraduatorie finestre, IReceipts receipts, IFileStore files)
{
    public async Task<Invio> GetAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await db.Invii.AsNoTracking().Include(i => i.Segnalazioni).FirstOrDefaultAsync(i => i.Id == invioId, ct)
            ?? throw PortalException.NotFound("L'invio indicato non esiste.");
        await access.RequireReadAsync(user, invio.ComuneIstat);
        invio.Segnalazioni = invio.Segnalazioni.OrderBy(s => s.Row ?? 0).ThenBy(s => s.Id).ToList();
        return invio;
    }

    /// <summary>Every upload of the Comune for the Finestra, newest first.</summary>
    public async Task<IReadOnlyList<Invio>> HistoryAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, CancellationToken ct)
    {
        await access.RequireReadAsync(user, comuneIstat);
        await finestre.GetAsync(finestraId, ct);
        return await db.Invii.AsNoTracking().Where(i => i.FinestraId == finestraId && i.ComuneIstat == comuneIstat)
            .OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Revision).ToListAsync(ct);
    }

    /// <summary>The Comune's current valid list for the Finestra with its rows, or null when it has none.</summary>
    public async Task<(Invio Invio, List<InvioRiga> Righe)?> ValidListAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, CancellationToken ct)
    {
        await access.RequireReadAsync(user, comuneIstat);
        await finestre.GetAsync(finestraId, ct);
        var invio = await db.Invii.AsNoTracking()
            .FirstOrDefaultAsync(i => i.FinestraId == finestraId && i.ComuneIstat == comuneIstat && i.Stato == StatoInvio.Valido, ct);
        if (invio is null) return null;
        var righe = await db.Righe.AsNoTracking().Where(r => r.InvioId == invio.Id).OrderBy(r => r.Row).ToListAsync(ct);
        return (invio, righe);
    }

    /// <summary>The receipts issued so far for these uploads, in one query (the caller has already read them under scope).</summary>
    public async Task<IReadOnlyDictionary<Guid, InvioRicevuta>> RicevuteAsync(IEnumerable<Guid> invioIds, CancellationToken ct)
    {
        var found = await receipts.FindManyAsync(Invio.SubjectType, invioIds.Select(id => id.ToString()), ct);
        return found.Values.ToDictionary(r => Guid.Parse(r.SubjectId), r => new InvioRicevuta(r.Segnatura, r.ProtocolUtc, r.Code));
    }

    /// <summary>
    /// The upload's findings with the student of each row: from the stored rows, or for a rejected upload (whose rows
    /// are not kept) from its file. The caller has read the upload under scope.
    /// </summary>
    public async Task<IReadOnlyList<RigaSegnalata>> SegnalazioniAsync(Invio invio, CancellationToken ct)
    {
        var rows = invio.Segnalazioni.Where(s => s.Row is not null).Select(s => s.Row!.Value).ToHashSet();
        var students = new Dictionary<int, ElencoStudent>();
        if (rows.Count > 0)
        {
            var stored = await db.Righe.AsNoTracking().Where(r => r.InvioId == invio.Id && rows.Contains(r.Row))
                .Select(r => new { r.Row, r.CfStudente, r.CognomeStudente, r.NomeStudente }).ToListAsync(ct);
            foreach (var r in stored) students[r.Row] = new ElencoStudent(r.CfStudente, r.CognomeStudente, r.NomeStudente);
            if (stored.Count == 0 && invio.StoredFileId is { } fileId && await files.GetAsync(fileId, ct) is { } file)
            {
                using var stream = new MemoryStream(file.Content, false);
                foreach (var (row, student) in ElencoStudents.Read(stream, rows)) students[row] = student;
            }
        }
        return invio.Segnalazioni
            .OrderBy(s => s.Row ?? 0).ThenBy(s => s.Severity).ThenBy(s => s.Id)
            .Select(s =>
            {
                var student = s.Row is { } r && students.TryGetValue(r, out var found) ? found : null;
                var name = student is null ? null : $"{student.Cognome} {student.Nome}".Trim();
                return new RigaSegnalata(s.Row, student?.CodiceFiscale is { Length: > 0 } cf ? cf : null, name is { Length: > 0 } ? name : null,
                    s.Column, s.Value, s.Message, s.Severity, s.Code);
            })
            .ToList();
    }
}
