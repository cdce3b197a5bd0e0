using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Data;
using Portal.Contents.Contracts;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Bonus.Services;

/// <summary>A Bando with the windows of its Avviso (from Portal.Contents).</summary>
public sealed record BandoConFinestre(Bando Bando, AvvisoInfo? Avviso, IReadOnlyList<FinestraInfo> Finestre);

/// <summary>The calls: reading them with their windows, and the Amministratore's edits (validated, versioned, audited).</summary>
public sealed class BandiService(BonusDbContext db, IFinestre finestre, IUnitOfWork unitOfWork, IAuditTrail audit, TimeProvider clock)
{
    public static readonly ServiceDeclaration Service = new(Bando.ServiceCode, []);

    /// <summary>The calls with at least one window still to close, with their windows.</summary>
    public async Task<IReadOnlyList<BandoConFinestre>> OpenAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<BandoConFinestre>();
        foreach (var bando in await db.Bandi.AsNoTracking().OrderBy(b => b.Codice).ToListAsync(ct))
        {
            var withWindows = await WithFinestreAsync(bando, ct);
            if (withWindows.Finestre.Any(f => f.ClosesAtUtc > now)) result.Add(withWindows);
        }
        return result;
    }

    public async Task<BandoConFinestre> GetAsync(Guid id, CancellationToken ct) =>
        await WithFinestreAsync(await db.Bandi.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw PortalException.NotFound("Il bando non esiste."), ct);

    public async Task<BandoConFinestre> WithFinestreAsync(Bando bando, CancellationToken ct)
    {
        if (bando.AvvisoId is not { } avvisoId) return new(bando, null, []);
        var avviso = (await finestre.AvvisiOfServiceAsync(Bando.ServiceCode, ct)).FirstOrDefault(a => a.Id == avvisoId);
        return new(bando, avviso, avviso is null ? [] : await finestre.ForAvvisoAsync(avvisoId, ct));
    }

    public async Task<IReadOnlyList<BandoVersione>> VersionsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Bandi.AnyAsync(b => b.Id == id, ct)) throw PortalException.NotFound("Il bando non esiste.");
        return await db.BandoVersioni.AsNoTracking().Where(v => v.BandoId == id).OrderByDescending(v => v.Versione).ToListAsync(ct);
    }

    /// <summary>Saves new rules as the next version; <paramref name="expectedVersione"/> is the version the editor started from.</summary>
    public async Task<Bando> UpdateAsync(ClaimsPrincipal user, Guid id, string? titolo, Guid? avvisoId, BandoRegole? regole,
        string? motivo, int expectedVersione, CancellationToken ct)
    {
        var bando = await db.Bandi.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw PortalException.NotFound("Il bando non esiste.");
        var errors = BandoValidation.Validate(bando.Codice, titolo, regole);
        if (string.IsNullOrWhiteSpace(motivo) || motivo.Length > 1000) errors["motivo"] = "Indicare il motivo della modifica (al massimo 1.000 caratteri).";
        if (avvisoId is { } a && !await IsServiceAvvisoAsync(a, ct)) errors["avvisoId"] = "L'avviso indicato non è pubblicato o non apre il servizio Bonus.";
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        if (bando.Versione != expectedVersione)
            throw PortalException.Conflict($"Il bando è stato modificato nel frattempo (ora è alla versione {bando.Versione}): ricarica e ripeti la modifica.");
        await using var work = await unitOfWork.BeginAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        bando.Titolo = titolo!.Trim();
        bando.AvvisoId = avvisoId;
        bando.Regole = regole!;
        bando.Versione++;
        bando.UpdatedUtc = now;
        bando.UpdatedBy = user.ActorName();
        db.BandoVersioni.Add(Version(bando, motivo!.Trim(), now, bando.UpdatedBy));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw PortalException.Conflict("Il bando è stato modificato nel frattempo: ricarica e ripeti la modifica.");
        }
        await audit.RecordAsync("bonus.bando.modificato", $"Bando {bando.Codice}", $"Versione {bando.Versione}: {motivo}");
        await work.CompleteAsync(ct);
        return bando;
    }

    /// <summary>For the recipe step: creates the call, or makes a new version when the shipped rules differ from the saved ones.</summary>
    public async Task<(Bando Bando, bool Changed)> EnsureAsync(string codice, string titolo, string? avvisoSlug, BandoRegole regole, string? by, CancellationToken ct)
    {
        var errors = BandoValidation.Validate(codice, titolo, regole);
        Guid? avvisoId = null;
        if (avvisoSlug is not null)
        {
            avvisoId = (await finestre.AvvisiOfServiceAsync(Bando.ServiceCode, ct)).FirstOrDefault(a => a.Slug == avvisoSlug)?.Id;
            if (avvisoId is null) errors["avviso"] = $"L'avviso «{avvisoSlug}» non è pubblicato o non apre il servizio Bonus.";
        }
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(ct);
        var bando = await db.Bandi.FirstOrDefaultAsync(b => b.Codice == codice, ct);
        var changed = true;
        if (bando is null)
        {
            bando = new Bando { Codice = codice, Titolo = titolo, AvvisoId = avvisoId, Regole = regole, CreatedUtc = now, UpdatedUtc = now, UpdatedBy = by };
            db.Bandi.Add(bando);
            db.BandoVersioni.Add(Version(bando, "Configurazione iniziale dalla ricetta", now, by));
        }
        else if (RegoleJson.Write(bando.Regole) != RegoleJson.Write(regole) || bando.Titolo != titolo || bando.AvvisoId != avvisoId)
        {
            bando.Titolo = titolo;
            bando.AvvisoId = avvisoId;
            bando.Regole = regole;
            bando.Versione++;
            bando.UpdatedUtc = now;
            bando.UpdatedBy = by;
            db.BandoVersioni.Add(Version(bando, "Aggiornamento dalla ricetta", now, by));
        }
        else changed = false;
        await db.SaveChangesAsync(ct);
        if (changed) await audit.RecordAsync("bonus.bando.ricetta", $"Bando {codice}", $"Versione {bando.Versione} dalla ricetta");
        await work.CompleteAsync(ct);
        return (bando, changed);
    }

    private async Task<bool> IsServiceAvvisoAsync(Guid avvisoId, CancellationToken ct) =>
        (await finestre.AvvisiOfServiceAsync(Bando.ServiceCode, ct)).Any(a => a.Id == avvisoId);

    private static BandoVersione Version(Bando b, string motivo, DateTime now, string? by) => new()
    {
        BandoId = b.Id,
        Versione = b.Versione,
        Titolo = b.Titolo,
        AvvisoId = b.AvvisoId,
        // A copy: the version must not follow later edits of the tracked rules object.
        Regole = RegoleJson.Read(RegoleJson.Write(b.Regole)),
        Motivo = motivo,
        CreatedUtc = now,
        CreatedBy = by,
    };
}
