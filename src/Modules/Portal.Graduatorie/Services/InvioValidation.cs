using Microsoft.EntityFrameworkCore;
using Portal.Core.Comuni;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>Runs the validator on an upload with what it needs from the portal: provinces, the window's threshold, other Comuni's lists.</summary>
public sealed class InvioValidation(GraduatorieDbContext db, RegionComuni regionComuni, ISiteSettings siteSettings)
{
    public const string ExtensionMessage =
        "Il file deve essere un foglio Excel con estensione .xlsx: scaricare il modello dalla sezione 1, compilarlo e salvarlo senza cambiarne il formato.";

    public async Task<ValidationResult> ValidateAsync(FinestraGraduatoria finestra, string comuneIstat, UploadedFile file, CancellationToken ct)
    {
        // The name is what the operator and the receipt see: a workbook renamed ".pdf" is refused, not stored as a PDF.
        if (!string.Equals(Path.GetExtension(file.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var refused = new ValidationResult();
            refused.Issues.Add(ValidationIssue.File("F01", ExtensionMessage));
            return refused;
        }
        var sigle = await regionComuni.ProvinceSigleAsync(ct);
        // W01: the region's provinces are a site setting (Amministratore → Impostazioni).
        var region = (await siteSettings.GetAsync(ct)).RegionProvinces.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var opening = DateOnly.FromDateTime(RomeTime.ToRome(finestra.Info.OpensAtUtc));
        var settings = new ValidationSettings(finestra.SogliaIsee, opening, sigle, region,
            (cfs, token) => StudentsInOtherComuniAsync(finestra.Info.Id, comuneIstat, cfs, token));
        using var stream = new MemoryStream(file.Content, false);
        return await ElencoValidator.ValidateAsync(stream, settings, ct);
    }

    /// <summary>W02: for each CF, the name of another Comune whose valid list for this Finestra holds it.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StudentsInOtherComuniAsync(Guid finestraId, string comuneIstat,
        IReadOnlyCollection<string> cfs, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in cfs.Distinct().Chunk(500))
        {
            var hits = await (from r in db.Righe.AsNoTracking()
                              join i in db.Invii.AsNoTracking() on r.InvioId equals i.Id
                              where i.FinestraId == finestraId && i.Stato == StatoInvio.Valido && i.ComuneIstat != comuneIstat && chunk.Contains(r.CfStudente)
                              select new { r.CfStudente, i.ComuneIstat }).ToListAsync(ct);
            foreach (var h in hits) found.TryAdd(h.CfStudente, h.ComuneIstat);
        }
        if (found.Count == 0) return found;
        var names = await regionComuni.NamesAsync(found.Values, ct);
        return found.ToDictionary(f => f.Key, f => names.TryGetValue(f.Value, out var n) ? $"{n} ({f.Value})" : f.Value);
    }
}
