using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Core.Validation;
using Portal.Did.Data;

namespace Portal.Did.Services;

/// <summary>The OperatoreCpi keeps the Situazione Occupazionale of their CPI's people (one row at a time; CSV in <see cref="SituazioneImport"/>).</summary>
public sealed class SituazioneService(DidDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public sealed record Input(string? CodiceFiscale, string? Cognome, string? Nome, string? Stato, string? Dal);

    public async Task<IReadOnlyList<SituazioneOccupazionale>> ListAsync(ClaimsPrincipal user, string? q, CancellationToken ct)
    {
        var cpis = CpiService.Cpis(user);
        var query = db.Situazioni.AsNoTracking().Where(s => s.CpiCode != null && cpis.Contains(s.CpiCode));
        if (q is { Length: > 100 }) throw PortalException.Invalid("q", "Testo di ricerca troppo lungo (al massimo 100 caratteri).");
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToUpperInvariant();
            query = query.Where(s => s.CodiceFiscale.Contains(text) || (s.Cognome + " " + s.Nome).ToUpper().Contains(text));
        }
        return await query.OrderBy(s => s.Cognome).ThenBy(s => s.Nome).Take(200).ToListAsync(ct);
    }

    public async Task<SituazioneOccupazionale> SaveAsync(ClaimsPrincipal user, Input input, CancellationToken ct)
    {
        var cpis = CpiService.Cpis(user);
        if (cpis.Count != 1) throw PortalException.Forbidden("Serve il ruolo di operatore di un solo Centro per l'Impiego.");
        var errors = new Dictionary<string, string>();
        var cf = (input.CodiceFiscale ?? "").Trim().ToUpperInvariant();
        if (!CodiceFiscale.IsValid(cf)) errors["codiceFiscale"] = "Codice fiscale non valido.";
        var cognome = input.Cognome?.Trim() ?? "";
        var nome = input.Nome?.Trim() ?? "";
        if (cognome.Length is 0 or > 200 || cognome.Any(char.IsControl)) errors["cognome"] = "Indicare il cognome (al massimo 200 caratteri).";
        if (nome.Length is 0 or > 200 || nome.Any(char.IsControl)) errors["nome"] = "Indicare il nome (al massimo 200 caratteri).";
        var stato = SituazioneImport.ParseStato(input.Stato);
        if (stato is null) errors["stato"] = "Scegliere lo stato: occupato, disoccupato o inoccupato.";
        DateOnly? dal = null;
        if (!string.IsNullOrWhiteSpace(input.Dal))
        {
            if (!DateOnly.TryParseExact(input.Dal.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                errors["dal"] = "Data non valida: usare il formato gg/mm/aaaa.";
            else if (d > DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime)))
                errors["dal"] = "La data non può essere nel futuro.";
            else dal = d;
        }
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        var row = await db.Situazioni.FirstOrDefaultAsync(s => s.CodiceFiscale == cf, ct);
        if (row?.CpiCode is { } other && other != cpis[0])
            throw PortalException.Invalid("codiceFiscale", "La persona è seguita da un altro Centro per l'Impiego.");
        if (row is null) db.Situazioni.Add(row = new SituazioneOccupazionale { CodiceFiscale = cf, Cognome = cognome, Nome = nome, UpdatedBy = "" });
        row.Cognome = cognome; row.Nome = nome; row.Stato = stato!.Value; row.Dal = dal; row.CpiCode = cpis[0]; row.Note = null;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime; row.UpdatedBy = user.ActorName();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await audit.RecordAsync("did.situazione", $"Cpi:{cpis[0]}", $"Situazione di {cf}: {input.Stato}");
        return row;
    }

    public static string Label(StatoOccupazionaleCpi s) => s switch
    {
        StatoOccupazionaleCpi.Occupato => "Occupato",
        StatoOccupazionaleCpi.Disoccupato => "Disoccupato",
        _ => "Inoccupato",
    };
}
