using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Model;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Settings;
using Portal.Core.Validation;

namespace Portal.Accreditamenti.Services;

public sealed record EnteInput(string? Codice, string? Denominazione, string? CodiceFiscale, string? Email, bool Attivo = true);

public sealed record CpiInput(string? Codice, string? Nome, string? Provincia, bool Attivo = true);

/// <summary>The Amministratore's lists of enti gestori and Centri per l'Impiego (seed 003).</summary>
public sealed class RegistryService(AccreditamentiDbContext db, IUnitOfWork unitOfWork, IAuditTrail audit, ISiteSettings settings, TimeProvider clock)
{
    public Task<List<EnteGestore>> EntiAsync(CancellationToken ct) => db.Enti.AsNoTracking().OrderBy(e => e.Denominazione).ToListAsync(ct);

    public Task<List<CentroImpiego>> CpiAsync(CancellationToken ct) => db.Cpi.AsNoTracking().OrderBy(c => c.SiglaProvincia).ThenBy(c => c.Nome).ToListAsync(ct);

    public Task<EnteGestore?> FindEnteAsync(string code, CancellationToken ct) => db.Enti.AsNoTracking().FirstOrDefaultAsync(e => e.Code == code, ct);

    public Task<CentroImpiego?> FindCpiAsync(string code, CancellationToken ct) => db.Cpi.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);

    /// <summary>Creates an ente (<paramref name="existingCode"/> null) or updates one; the code never changes.</summary>
    public async Task<EnteGestore> SaveEnteAsync(string? existingCode, EnteInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var code = existingCode ?? Texts.Upper(input.Codice);
        var name = Texts.Clean(input.Denominazione);
        var cf = Texts.Upper(input.CodiceFiscale);
        var email = Texts.Clean(input.Email);
        EnteGestore? ente = null;
        if (existingCode is not null)
            ente = await db.Enti.FirstOrDefaultAsync(e => e.Code == existingCode, ct) ?? throw PortalException.NotFound("Ente gestore non trovato.");
        else if (!Texts.IsCode(code)) errors["Codice"] = "Il codice può contenere lettere maiuscole, cifre e trattini (da 2 a 40 caratteri).";
        else if (await db.Enti.AnyAsync(e => e.Code == code, ct)) errors["Codice"] = $"Esiste già un ente con il codice {code}.";
        if (name is null) errors["Denominazione"] = "Indicare la denominazione dell'ente.";
        else if (name.Length > 200) errors["Denominazione"] = "La denominazione può contenere al massimo 200 caratteri.";
        if (cf.Length == 0) errors["CodiceFiscale"] = "Indicare il codice fiscale o la partita IVA dell'ente.";
        else if (!PartitaIva.IsValid(cf) && !CodiceFiscale.IsValid(cf)) errors["CodiceFiscale"] = "Codice fiscale o partita IVA non valido (11 cifre o 16 caratteri).";
        if (email is not null && !EmailAddress.IsValid(email)) errors["Email"] = "Indirizzo email non valido.";
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        await using var work = await unitOfWork.BeginAsync(ct);
        if (ente is null)
        {
            ente = new EnteGestore { Code = code, Denominazione = name!, CodiceFiscale = cf };
            db.Enti.Add(ente);
        }
        ente.Denominazione = name!;
        ente.CodiceFiscale = cf;
        ente.Email = email;
        ente.Active = input.Attivo;
        ente.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(existingCode is null ? "EnteGestore.Creato" : "EnteGestore.Modificato", $"Ente gestore {ente.Code}",
            $"Denominazione: {ente.Denominazione}; CF/P.IVA: {ente.CodiceFiscale}; email: {ente.Email ?? "-"}; attivo: {(ente.Active ? "sì" : "no")}");
        await work.CompleteAsync(ct);
        return ente;
    }

    public async Task<CentroImpiego> SaveCpiAsync(string? existingCode, CpiInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var code = existingCode ?? Texts.Upper(input.Codice);
        var name = Texts.Clean(input.Nome);
        var province = Texts.Upper(input.Provincia);
        CentroImpiego? cpi = null;
        if (existingCode is not null)
            cpi = await db.Cpi.FirstOrDefaultAsync(c => c.Code == existingCode, ct) ?? throw PortalException.NotFound("Centro per l'Impiego non trovato.");
        else if (!Texts.IsCode(code)) errors["Codice"] = "Il codice può contenere lettere maiuscole, cifre e trattini (da 2 a 40 caratteri).";
        else if (await db.Cpi.AnyAsync(c => c.Code == code, ct)) errors["Codice"] = $"Esiste già un CPI con il codice {code}.";
        if (name is null) errors["Nome"] = "Indicare il nome del Centro per l'Impiego.";
        else if (name.Length > 200) errors["Nome"] = "Il nome può contenere al massimo 200 caratteri.";
        var provinces = (await settings.GetAsync(ct)).RegionProvinces;
        if (!provinces.Contains(province))
            errors["Provincia"] = $"Indicare la sigla di una provincia della regione ({string.Join(", ", provinces)}).";
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        await using var work = await unitOfWork.BeginAsync(ct);
        if (cpi is null)
        {
            cpi = new CentroImpiego { Code = code, Nome = name!, SiglaProvincia = province };
            db.Cpi.Add(cpi);
        }
        cpi.Nome = name!;
        cpi.SiglaProvincia = province;
        cpi.Active = input.Attivo;
        cpi.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(existingCode is null ? "Cpi.Creato" : "Cpi.Modificato", $"Centro per l'Impiego {cpi.Code}",
            $"Nome: {cpi.Nome}; provincia: {cpi.SiglaProvincia}; attivo: {(cpi.Active ? "sì" : "no")}");
        await work.CompleteAsync(ct);
        return cpi;
    }
}
