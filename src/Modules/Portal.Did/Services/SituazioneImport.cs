using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Did.Data;

namespace Portal.Did.Services;

/// <summary>
/// The OperatoreCpi's CSV import of the Situazione Occupazionale of their CPI's people:
/// "codice_fiscale;cognome;nome;stato;dal" (";"-separated, UTF-8, stato occupato/disoccupato/inoccupato, dal gg/mm/aaaa or empty).
/// Every row is checked first; any error refuses the whole file with the row-level Italian messages, and nothing is written.
/// </summary>
public sealed class SituazioneImport(DidDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public sealed record Riga(int Numero, string CodiceFiscale, string Cognome, string Nome, StatoOccupazionaleCpi Stato, DateOnly? Dal);

    public static StatoOccupazionaleCpi? ParseStato(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "occupato" => StatoOccupazionaleCpi.Occupato,
        "disoccupato" => StatoOccupazionaleCpi.Disoccupato,
        "inoccupato" => StatoOccupazionaleCpi.Inoccupato,
        _ => null,
    };

    public async Task<int> ImportAsync(ClaimsPrincipal user, byte[] content, CancellationToken ct)
    {
        var cpis = CpiService.Cpis(user);
        if (cpis.Count != 1) throw PortalException.Forbidden("L'importazione richiede il ruolo di operatore di un solo Centro per l'Impiego.");
        if (content.Length == 0) throw PortalException.Invalid("file", "Il file è vuoto.");
        if (content.Length > 5_000_000) throw PortalException.Invalid("file", "Il file supera 5 MB.");
        string text;
        try { text = new UTF8Encoding(false, true).GetString(content); }
        catch (DecoderFallbackException) { throw PortalException.Invalid("file", "Il file non è in UTF-8."); }
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || !lines[0].Trim().Equals("codice_fiscale;cognome;nome;stato;dal", StringComparison.OrdinalIgnoreCase))
            throw PortalException.Invalid("file", "Intestazione attesa: codice_fiscale;cognome;nome;stato;dal");
        var errors = new List<string>();
        var rows = new List<Riga>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var n = i + 1;
            var p = lines[i].Split(';');
            if (p.Length != 5) { errors.Add($"Riga {n}: attesi 5 campi separati da «;», trovati {p.Length}."); continue; }
            var cf = p[0].Trim().ToUpperInvariant();
            if (!CodiceFiscale.IsValid(cf)) errors.Add($"Riga {n}: codice fiscale «{p[0].Trim()}» non valido.");
            else if (!seen.Add(cf)) errors.Add($"Riga {n}: codice fiscale {cf} ripetuto nel file.");
            if (p[1].Trim().Length is 0 or > 200) errors.Add($"Riga {n}: cognome mancante o troppo lungo.");
            if (p[2].Trim().Length is 0 or > 200) errors.Add($"Riga {n}: nome mancante o troppo lungo.");
            var stato = ParseStato(p[3]);
            if (stato is null) errors.Add($"Riga {n}: stato «{p[3].Trim()}» non valido (occupato, disoccupato, inoccupato).");
            DateOnly? dal = null;
            if (p[4].Trim().Length > 0)
            {
                if (DateOnly.TryParseExact(p[4].Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dal = d;
                else errors.Add($"Riga {n}: data «{p[4].Trim()}» non valida (gg/mm/aaaa).");
            }
            if (stato is not null) rows.Add(new Riga(n, cf, p[1].Trim(), p[2].Trim(), stato.Value, dal));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add("Il file non contiene righe.");
        if (errors.Count > 0) throw PortalException.Invalid("file", string.Join(" ", errors.Take(50)) + (errors.Count > 50 ? $" … e altri {errors.Count - 50} errori." : ""));

        var cpi = cpis[0];
        var codes = rows.Select(r => r.CodiceFiscale).ToList();
        var existing = await db.Situazioni.Where(s => codes.Contains(s.CodiceFiscale)).ToDictionaryAsync(s => s.CodiceFiscale, ct);
        var others = existing.Values.Where(s => s.CpiCode is not null && s.CpiCode != cpi).Select(s => s.CodiceFiscale).ToList();
        if (others.Count > 0)
            throw PortalException.Invalid("file", $"Persone seguite da un altro Centro per l'Impiego: {string.Join(", ", rows.Where(r => others.Contains(r.CodiceFiscale)).Select(r => $"riga {r.Numero}"))}. Nessuna riga è stata importata.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in rows)
        {
            if (!existing.TryGetValue(r.CodiceFiscale, out var row))
                db.Situazioni.Add(row = new SituazioneOccupazionale { CodiceFiscale = r.CodiceFiscale, Cognome = r.Cognome, Nome = r.Nome, UpdatedBy = "" });
            row.Cognome = r.Cognome; row.Nome = r.Nome; row.Stato = r.Stato; row.Dal = r.Dal; row.CpiCode = cpi;
            row.Note = null; row.UpdatedUtc = now; row.UpdatedBy = user.ActorName();
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await audit.RecordAsync("did.situazioni-importate", $"Cpi:{cpi}", $"{rows.Count} righe importate");
        return rows.Count;
    }
}
