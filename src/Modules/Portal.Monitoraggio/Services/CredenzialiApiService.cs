using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// Per-ente API credentials (issue 13, scope 6): the Amministratore issues and revokes them; a token is 256 random bits,
/// kept only as its SHA-256 and compared in constant time; each issue, revocation and refused use is audited.
/// </summary>
public sealed class CredenzialiApiService(MonitoraggioDbContext db, IEntiGestori enti, IAuditTrail audit, TimeProvider clock)
{
    public const string TokenPrefix = "mon_";
    public const int MaxEtichetta = 100;
    /// <summary>The last-use time is written at most this often per credential (one write per request is wasted work).</summary>
    private static readonly TimeSpan UseStampInterval = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<CredenzialeApi>> ListAsync(string? enteCode, CancellationToken ct) =>
        await db.Credenziali.AsNoTracking()
            .Where(c => enteCode == null || c.EnteCode == enteCode)
            .OrderBy(c => c.EnteCode).ThenByDescending(c => c.CreatedUtc)
            .ToListAsync(ct);

    public Task<CredenzialeApi?> FindAsync(Guid id, CancellationToken ct) =>
        db.Credenziali.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<CredenzialeRilasciata> IssueAsync(string? enteCode, string? etichetta, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        enteCode = enteCode?.Trim();
        etichetta = etichetta?.Trim();
        EnteGestoreInfo? ente = null;
        if (string.IsNullOrEmpty(enteCode)) errors["ente"] = "Scegliere l'ente gestore a cui rilasciare la credenziale.";
        else if ((ente = await enti.FindAsync(enteCode, ct)) is null) errors["ente"] = $"L'ente gestore «{enteCode}» non esiste.";
        else if (!ente.Active) errors["ente"] = $"L'ente gestore {ente.Code} non è attivo: non gli si possono rilasciare credenziali.";
        if (string.IsNullOrEmpty(etichetta)) errors["etichetta"] = "Indicare un'etichetta che identifichi il sistema che userà la credenziale (ad esempio «Gestionale pratiche»).";
        else if (etichetta.Length > MaxEtichetta) errors["etichetta"] = $"L'etichetta può avere al massimo {MaxEtichetta} caratteri (ne ha {etichetta.Length}).";
        else if (etichetta.Any(char.IsControl)) errors["etichetta"] = "L'etichetta non può contenere caratteri di controllo.";
        else if (ente is not null && await db.Credenziali.AnyAsync(c => c.EnteCode == ente.Code && c.Etichetta == etichetta && c.RevokedUtc == null, ct))
            errors["etichetta"] = $"L'ente {ente.Code} ha già una credenziale attiva con l'etichetta «{etichetta}»: sceglierne un'altra o revocare quella.";
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var credenziale = new CredenzialeApi
        {
            EnteCode = ente!.Code,
            Etichetta = etichetta!,
            TokenHash = Hash(token),
            Prefisso = token[..12],
            CreatedBy = actor,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Credenziali.Add(credenziale);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Monitoraggio.Credenziale.Rilascio", Subject(credenziale),
            $"Ente {credenziale.EnteCode}: rilasciata la credenziale API «{credenziale.Etichetta}» ({credenziale.Prefisso}…).");
        return new CredenzialeRilasciata(credenziale, token);
    }

    public async Task<CredenzialeApi> RevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        var credenziale = await db.Credenziali.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw PortalException.NotFound("Credenziale non trovata.");
        if (credenziale.RevokedUtc is { } when)
            throw PortalException.Conflict($"La credenziale «{credenziale.Etichetta}» è già stata revocata il {Portal.Core.Time.RomeTime.Format(when)}.");
        credenziale.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        credenziale.RevokedBy = actor;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Monitoraggio.Credenziale.Revoca", Subject(credenziale),
            $"Ente {credenziale.EnteCode}: revocata la credenziale API «{credenziale.Etichetta}» ({credenziale.Prefisso}…).");
        return credenziale;
    }

    /// <summary>The credential of a bearer token, or why it is refused (refusals are audited).</summary>
    public async Task<EsitoToken> AuthenticateAsync(string token, CancellationToken ct)
    {
        token = token.Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length is < 20 or > 100)
            return await RefuseAsync(null, "Credenziale API non valida: inviare il token rilasciato dall'amministratore nell'intestazione «Authorization: Bearer …».", ct);
        var hash = Hash(token);
        var found = await db.Credenziali.AsNoTracking().FirstOrDefaultAsync(c => c.TokenHash == hash, ct);
        if (found is null || !CryptographicOperations.FixedTimeEquals(found.TokenHash, hash))
            return await RefuseAsync(null, "Credenziale API non riconosciuta: verificare il token o chiederne uno nuovo all'amministratore.", ct);
        if (found.RevokedUtc is { } revoked)
            return await RefuseAsync(found, $"La credenziale API «{found.Etichetta}» è stata revocata il {Portal.Core.Time.RomeTime.Format(revoked)}: chiederne una nuova all'amministratore.", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.LastUsedUtc is not { } last || now - last >= UseStampInterval)
        {
            await db.Credenziali.Where(c => c.Id == found.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.LastUsedUtc, now), ct);
            found.LastUsedUtc = now;
        }
        return new EsitoToken(found, null);
    }

    private async Task<EsitoToken> RefuseAsync(CredenzialeApi? credenziale, string message, CancellationToken ct)
    {
        await audit.RecordAsync("Monitoraggio.Credenziale.Rifiuto", credenziale is null ? CredenzialeApi.SubjectType : Subject(credenziale),
            credenziale is null ? $"Richiesta API con un token non riconosciuto: {message}" : $"Ente {credenziale.EnteCode}: {message}");
        return new EsitoToken(credenziale, message);
    }

    private static string Subject(CredenzialeApi c) => $"Credenziale {c.Id}";

    internal static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
