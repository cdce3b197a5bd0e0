using Microsoft.EntityFrameworkCore;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Files;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>A finding of an upload with the student of its row (section 4 of the operator page).</summary>
public sealed record RigaSegnalata(int? Row, string? CodiceFiscale, string? Nominativo, string? Column, string? Value, string Message,
    IssueSeverity Severity, string Code);

/// <summary>What the operator page reads besides the uploads themselves: the Avviso's documents and the rows in error.</summary>
public sealed class InvioElenchiQueries(ContentQueries contents, GraduatorieDbContext db, IFileStore files)
{
    /// <summary>The Avviso's published documents: the operator manual is one of them.</summary>
    public async Task<(string? Slug, IReadOnlyList<ContentAttachment> Documents)> AvvisoDocumentsAsync(Guid avvisoId, CancellationToken ct) =>
        await contents.GetPublishedAsync(avvisoId, ct) is { } avviso
            ? (avviso.Item.Slug, avviso.Version.Attachments.OrderBy(a => a.Order).ToList())
            : (null, []);

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
