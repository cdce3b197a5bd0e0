using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Core.Contracts;
using Portal.Core.Errors;

namespace Portal.Anagrafica.Services;

/// <summary>
/// The test login's Anagrafica: the Comune given, a placeholder street, the Comune's first CAP, Italian
/// citizenship and an address under the reserved ".invalid" domain (RFC 2606), so nothing is ever delivered.
/// Saved through <see cref="AnagraficaService"/>, so validation, audit and the save handlers are a form save's.
/// </summary>
internal sealed class AnagraficaProvisioning(AnagraficaDbContext db, AnagraficaService anagrafica, AnagraficaLookups lookups, Core.Security.IPeople people)
    : IAnagraficaProvisioning
{
    private const string Cittadinanza = "100";

    public async Task<bool> EnsureSavedAsync(Guid personId, string comuneResidenzaIstat, CancellationToken ct = default)
    {
        if (await db.Records.AsNoTracking().AnyAsync(r => r.PersonId == personId, ct)) return false;
        var person = await people.FindAsync(personId, ct) ?? throw PortalException.NotFound("Persona non trovata.");
        var cap = FirstCap(await lookups.CapOfComuneAsync(comuneResidenzaIstat, ct));
        var outcome = await anagrafica.SaveAsync(personId, new AnagraficaInput
        {
            ResidenzaVia = "Via di prova",
            ResidenzaCivico = "1",
            ResidenzaCap = cap,
            ResidenzaComune = comuneResidenzaIstat,
            DomicilioUgualeResidenza = true,
            Email = person.Email ?? person.CodiceFiscale.ToLowerInvariant() + "@prova.invalid",
            Cittadinanza = Cittadinanza,
            Versione = 0,
        }, ct);
        return outcome.Status switch
        {
            SaveStatus.Saved => true,
            // Saved meanwhile by a concurrent request for the same person.
            SaveStatus.Conflict => false,
            SaveStatus.Invalid when outcome.Errors.Keys.Any(k => k.StartsWith("Residenza", StringComparison.Ordinal)) =>
                throw PortalException.Invalid("comuneResidenzaIstat", "Il Comune di residenza indicato non esiste: serve il codice ISTAT di 6 cifre."),
            _ => throw new InvalidOperationException("Anagrafica di prova non salvata: " + string.Join(" ", outcome.Errors.Values)),
        };
    }

    /// <summary>The lowest CAP of "60121-60131" / "61121,61122" / "60015"; any 5 digits when the Comune has none on record.</summary>
    private static string FirstCap(string? known)
    {
        var first = known?.Split([',', ';', ' ', '-'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is { Length: 5 } && int.TryParse(first, CultureInfo.InvariantCulture, out _) ? first : "00000";
    }
}
