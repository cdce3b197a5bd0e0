using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Model;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Core.Validation;

namespace Portal.Anagrafica.Services;

/// <summary>Reads, pre-fills and saves a person's Anagrafica.</summary>
public sealed class AnagraficaService(
    AnagraficaDbContext db, IUnitOfWork unitOfWork, IPeople people, IRegistrySource registry, AnagraficaLookups lookups, AnagraficaValidator validator,
    IAuditTrail audit, IEnumerable<IAnagraficaSavedHandler> handlers, TimeProvider clock, ILogger<AnagraficaService> log)
{
    public async Task<AnagraficaView?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var person = await people.FindAsync(personId, ct);
        if (person is null) return null;
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.PersonId == personId, ct);
        if (record is not null)
            return new AnagraficaView(await FixedAsync(person, ct), await InputFromRecordAsync(record, ct), true, false, record.FirstSavedUtc, record.LastSavedUtc);
        var found = await registry.FindAsync(person.CodiceFiscale, ct);
        return new AnagraficaView(await FixedAsync(person, ct), await PrefillAsync(person, found, ct), false, found is not null, null, null);
    }

    public Task<bool> IsCompleteAsync(Guid personId, CancellationToken ct) => db.Records.AsNoTracking().AnyAsync(r => r.PersonId == personId, ct);

    /// <summary>
    /// Validates and saves; the audit entry and the <see cref="AnagraficaSaved"/> handlers run in the
    /// same transaction, so a failing handler leaves nothing written.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Guid personId, AnagraficaInput input, CancellationToken ct)
    {
        var (valid, errors) = await validator.ValidateAsync(input, ct);
        if (valid is null) return new SaveOutcome(SaveStatus.Invalid, errors, input.Versione, false, []);
        var person = await people.FindAsync(personId, ct)
            ?? throw new InvalidOperationException($"Persona {personId} non trovata.");
        var fixedFields = await FixedAsync(person, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var record = await db.Records.FirstOrDefaultAsync(r => r.PersonId == personId, ct);
        var firstSave = record is null;
        if ((record?.Version ?? 0) != input.Versione) return Conflict(input);
        if (record is null)
        {
            record = new AnagraficaRecord { PersonId = personId, CodiceFiscale = person.CodiceFiscale, Cognome = "", Nome = "", FirstSavedUtc = now };
            db.Records.Add(record);
        }
        var changed = Apply(record, fixedFields, valid);
        // The WHERE of the UPDATE carries the version read by the user: a concurrent save makes it match no row.
        db.Entry(record).Property(r => r.Version).OriginalValue = input.Versione;
        record.Version = input.Versione + 1;
        record.LastSavedUtc = now;
        record.LastSavedBy = person.FullName;

        await using var work = await unitOfWork.BeginAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Version mismatch, or a first save that raced another one (same primary key).
            ClearTracking();
            return Conflict(input);
        }
        try
        {
            await audit.RecordAsync(firstSave ? "AnagraficaPrimoSalvataggio" : "AnagraficaSalvata", $"Anagrafica {person.CodiceFiscale}",
                changed.Count == 0 ? "Dati confermati senza modifiche." : "Campi modificati: " + string.Join(", ", changed) + ".");
            var saved = new AnagraficaSaved(personId, person.CodiceFiscale, now, firstSave, changed);
            foreach (var handler in handlers) await handler.HandleAsync(saved, ct);
            await work.CompleteAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Salvataggio dell'anagrafica di {PersonId} annullato", personId);
            ClearTracking();
            return new SaveOutcome(SaveStatus.Failed, new Dictionary<string, string> { [""] = SaveOutcome.FailedMessage }, input.Versione, false, []);
        }
        return new SaveOutcome(SaveStatus.Saved, new Dictionary<string, string>(), record.Version, firstSave, changed);
    }

    /// <remarks>The unit of work, disposed without completing, clears the other contexts it enlisted.</remarks>
    private void ClearTracking() => db.ChangeTracker.Clear();

    private static SaveOutcome Conflict(AnagraficaInput input) =>
        new(SaveStatus.Conflict, new Dictionary<string, string> { [nameof(AnagraficaInput.Versione)] = SaveOutcome.ConflictMessage }, input.Versione, false, []);

    /// <summary>Copies the values and returns the Italian names of the fields that changed.</summary>
    private static List<string> Apply(AnagraficaRecord r, FixedFields f, ValidAnagrafica v)
    {
        var changed = new List<string>();
        void Set<T>(string label, T current, T next, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, next)) return;
            changed.Add(label);
            assign(next);
        }
        // Identity fields are a snapshot of the codice fiscale and the identity provider, not user input.
        r.CodiceFiscale = f.CodiceFiscale;
        r.Cognome = f.Cognome;
        r.Nome = f.Nome;
        r.Sesso = f.Sesso;
        r.DataNascita = f.DataNascita;
        r.LuogoNascitaCodice = f.LuogoNascitaCodice;
        r.LuogoNascita = f.LuogoNascita;
        Set("indirizzo di residenza", r.Residenza.Via, v.Residenza.Via, x => r.Residenza.Via = x);
        Set("civico di residenza", r.Residenza.Civico, v.Residenza.Civico, x => r.Residenza.Civico = x);
        Set("CAP di residenza", r.Residenza.Cap, v.Residenza.Cap, x => r.Residenza.Cap = x);
        Set("Comune di residenza", r.Residenza.ComuneIstat, v.Residenza.ComuneIstat, x => r.Residenza.ComuneIstat = x);
        Set("domicilio uguale alla residenza", r.DomicilioUgualeResidenza, v.DomicilioUguale, x => r.DomicilioUgualeResidenza = x);
        if (v.DomicilioUguale)
        {
            // A copy of the residence, so readers need not know the flag; its changes are the residence's.
            (r.Domicilio.Via, r.Domicilio.Civico, r.Domicilio.Cap, r.Domicilio.ComuneIstat) = (v.Residenza.Via, v.Residenza.Civico, v.Residenza.Cap, v.Residenza.ComuneIstat);
        }
        else
        {
            Set("indirizzo di domicilio", r.Domicilio.Via, v.Domicilio.Via, x => r.Domicilio.Via = x);
            Set("civico di domicilio", r.Domicilio.Civico, v.Domicilio.Civico, x => r.Domicilio.Civico = x);
            Set("CAP di domicilio", r.Domicilio.Cap, v.Domicilio.Cap, x => r.Domicilio.Cap = x);
            Set("Comune di domicilio", r.Domicilio.ComuneIstat, v.Domicilio.ComuneIstat, x => r.Domicilio.ComuneIstat = x);
        }
        Set("telefono", r.Telefono, v.Telefono, x => r.Telefono = x);
        Set("cellulare", r.Cellulare, v.Cellulare, x => r.Cellulare = x);
        Set("email", r.Email, v.Email, x => r.Email = x);
        Set("PEC", r.Pec, v.Pec, x => r.Pec = x);
        Set("stato civile", r.StatoCivile, v.StatoCivile, x => r.StatoCivile = x);
        Set("cittadinanza", r.Cittadinanza, v.Cittadinanza, x => r.Cittadinanza = x);
        Set("tipo del titolo di soggiorno", r.TitoloSoggiornoTipo, v.TitoloSoggiornoTipo, x => r.TitoloSoggiornoTipo = x);
        Set("numero del titolo di soggiorno", r.TitoloSoggiornoNumero, v.TitoloSoggiornoNumero, x => r.TitoloSoggiornoNumero = x);
        Set("scadenza del titolo di soggiorno", r.TitoloSoggiornoScadenza, v.TitoloSoggiornoScadenza, x => r.TitoloSoggiornoScadenza = x);
        Set("titolo di studio", r.TitoloStudio, v.TitoloStudio, x => r.TitoloStudio = x);
        return changed;
    }

    private async Task<FixedFields> FixedAsync(PersonInfo person, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        if (!CodiceFiscale.TryDecode(person.CodiceFiscale, today, out var data))
            return new FixedFields(person.CodiceFiscale, person.Cognome, person.Nome, null, null, null, null);
        var place = await lookups.BirthPlaceAsync(data.CodiceCatastale, ct)
            ?? $"luogo non presente negli elenchi (codice {data.CodiceCatastale})";
        return new FixedFields(person.CodiceFiscale, person.Cognome, person.Nome, data.Sesso, data.DataNascita, data.CodiceCatastale, place);
    }

    private async Task<AnagraficaInput> InputFromRecordAsync(AnagraficaRecord r, CancellationToken ct) => new()
    {
        ResidenzaVia = r.Residenza.Via,
        ResidenzaCivico = r.Residenza.Civico,
        ResidenzaCap = r.Residenza.Cap,
        ResidenzaComune = await lookups.ComuneDisplayAsync(r.Residenza.ComuneIstat, ct),
        DomicilioUgualeResidenza = r.DomicilioUgualeResidenza,
        DomicilioVia = r.DomicilioUgualeResidenza ? null : r.Domicilio.Via,
        DomicilioCivico = r.DomicilioUgualeResidenza ? null : r.Domicilio.Civico,
        DomicilioCap = r.DomicilioUgualeResidenza ? null : r.Domicilio.Cap,
        DomicilioComune = r.DomicilioUgualeResidenza ? null : await lookups.ComuneDisplayAsync(r.Domicilio.ComuneIstat, ct),
        Telefono = r.Telefono,
        Cellulare = r.Cellulare,
        Email = r.Email,
        Pec = r.Pec,
        StatoCivile = await CodedDisplayAsync(AnagraficaLookups.StatoCivile, r.StatoCivile, ct),
        Cittadinanza = await CittadinanzaDisplayAsync(r.Cittadinanza, ct),
        TitoloSoggiornoTipo = await CodedDisplayAsync(AnagraficaLookups.TitoloSoggiorno, r.TitoloSoggiornoTipo, ct),
        TitoloSoggiornoNumero = r.TitoloSoggiornoNumero,
        TitoloSoggiornoScadenza = r.TitoloSoggiornoScadenza?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TitoloStudio = await CodedDisplayAsync(AnagraficaLookups.TitoloStudio, r.TitoloStudio, ct),
        Versione = r.Version,
    };

    private async Task<AnagraficaInput> PrefillAsync(PersonInfo person, RegistryData? found, CancellationToken ct) => new()
    {
        ResidenzaVia = found?.ResidenzaVia,
        ResidenzaCivico = found?.ResidenzaCivico,
        ResidenzaCap = found?.ResidenzaCap,
        ResidenzaComune = await lookups.ComuneDisplayAsync(found?.ResidenzaComuneIstat, ct),
        DomicilioUgualeResidenza = true,
        Telefono = found?.Telefono,
        Cellulare = found?.Cellulare,
        // The identity provider's address is the one the person just proved to use.
        Email = person.Email ?? found?.Email,
        StatoCivile = await CodedDisplayAsync(AnagraficaLookups.StatoCivile, found?.StatoCivile, ct),
        Cittadinanza = await CittadinanzaDisplayAsync(found?.Cittadinanza, ct),
        TitoloStudio = await CodedDisplayAsync(AnagraficaLookups.TitoloStudio, found?.TitoloStudio, ct),
        Versione = 0,
    };

    private async Task<string?> CodedDisplayAsync(string table, string? code, CancellationToken ct) =>
        code is null ? null : (await lookups.TableAsync(table, ct)).FirstOrDefault(v => v.Code == code)?.Display ?? code;

    private async Task<string?> CittadinanzaDisplayAsync(string? code, CancellationToken ct) =>
        code is null ? null : (await lookups.CittadinanzeAsync(ct)).FirstOrDefault(c => c.Code == code) is { } c ? c.Description : code;
}

internal sealed class AnagraficaStatus(AnagraficaDbContext db) : IAnagraficaStatus
{
    public Task<bool> IsCompleteAsync(Guid personId, CancellationToken ct = default) =>
        db.Records.AsNoTracking().AnyAsync(r => r.PersonId == personId, ct);
}
