using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Model;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Services;

public sealed record ImportRowError(int Riga, string Messaggio);

public sealed record ImportSummary(
    int Righe, int PersoneCreate, int AccreditamentiCreati, int GiaPresenti,
    IReadOnlyList<string> Creati, IReadOnlyList<ImportRowError> Errori)
{
    public bool Riuscita => Errori.Count == 0;
}

/// <summary>
/// Bulk import of operators accredited last year (seed 000): CSV "codice fiscale; codice ISTAT; nome; cognome; email"
/// (";" or "," separated, optional header). All rows are checked first; one bad row and nothing is written.
/// Re-importing the same file changes nothing.
/// </summary>
public sealed class OperatorImport(
    AccreditamentiDbContext db, IUnitOfWork unitOfWork, IPeople directory, IRoleAssignments roles, IAuditTrail audit, RegionComuni comuni,
    TimeProvider clock)
{
    public const int MaxRows = 10_000;
    public const long MaxBytes = 2 * 1024 * 1024;

    private sealed record Row(int Line, string Cf, string Istat, string? Nome, string? Cognome, string? Email);

    public async Task<ImportSummary> ImportAsync(Stream csv, string actor, CancellationToken ct)
    {
        var (rows, errors) = await ParseAsync(csv, ct);
        if (errors.Count == 0 && rows.Count == 0) errors.Add(new ImportRowError(0, "Il file non contiene righe da importare."));
        if (errors.Count > 0) return new ImportSummary(rows.Count, 0, 0, 0, [], errors);

        var found = await comuni.FindAsync(rows.Select(r => r.Istat), ct);
        var cfs = rows.Select(r => r.Cf).Distinct().ToList();
        var people = new Dictionary<string, PersonInfo>(await directory.FindManyByCodiceFiscaleAsync(cfs, ct), StringComparer.Ordinal);
        var named = rows.Where(r => r.Nome is not null && r.Cognome is not null).Select(r => r.Cf).ToHashSet();
        foreach (var r in rows)
        {
            if (!CodiceFiscale.IsValid(r.Cf)) errors.Add(new(r.Line, $"Codice fiscale «{r.Cf}» non valido."));
            if (!Texts.IsIstat(r.Istat) || !found.TryGetValue(r.Istat, out var c)) errors.Add(new(r.Line, $"Codice ISTAT «{r.Istat}» non trovato tra i Comuni."));
            else if (!c.InRegion) errors.Add(new(r.Line, $"Il Comune di {c.Comune.Nome} ({r.Istat}) non appartiene alla regione."));
            if (r.Email is not null && !EmailAddress.IsValid(r.Email)) errors.Add(new(r.Line, $"Indirizzo email «{r.Email}» non valido."));
            if ((r.Nome?.Length ?? 0) > 100 || (r.Cognome?.Length ?? 0) > 100) errors.Add(new(r.Line, "Nome e cognome possono contenere al massimo 100 caratteri."));
            if (!people.ContainsKey(r.Cf) && !named.Contains(r.Cf))
                errors.Add(new(r.Line, $"La persona {r.Cf} non è ancora registrata nel portale: indicare nome e cognome."));
        }
        if (errors.Count > 0) return new ImportSummary(rows.Count, 0, 0, 0, [], errors);

        var now = clock.GetUtcNow().UtcDateTime;
        int newPeople = 0, newGrants = 0, existing = 0;
        var created = new List<string>();
        await using var work = await unitOfWork.BeginAsync(ct);
        var active = (await roles.OfPeopleAsync(people.Values.Select(p => p.Id), ct))
            .Where(a => a.RoleName == PortalRoles.OperatoreComune && a.ScopeType == ScopeTypes.Comune && a.RevokedUtc == null);
        var held = active.Select(a => (a.PersonId, a.ScopeValue!)).ToHashSet();
        foreach (var r in rows.DistinctBy(r => (r.Cf, r.Istat)))
        {
            if (!people.TryGetValue(r.Cf, out var person))
            {
                var first = rows.First(x => x.Cf == r.Cf && x.Nome is not null && x.Cognome is not null);
                person = await directory.EnsureAsync(r.Cf, first.Nome!, first.Cognome!, first.Email, ct);
                people[r.Cf] = person;
                newPeople++;
                created.Add($"Persona {person.FullName} ({r.Cf})");
            }
            else if (person.Email is null && r.Email is not null)
            {
                await directory.SetEmailAsync(person.Id, r.Email, ct);
                people[r.Cf] = person = person with { Email = r.Email };
            }
            if (held.Contains((person.Id, r.Istat))) { existing++; continue; }
            var assignment = await roles.GrantAsync(person.Id, PortalRoles.OperatoreComune, ScopeTypes.Comune, r.Istat, actor,
                "Importazione degli operatori già accreditati", ct);
            held.Add((person.Id, r.Istat));
            // A request still open for the same Comune (pending, or approved but its role revoked elsewhere) is settled by the import.
            var pending = await db.Requests.FirstOrDefaultAsync(q => q.PersonId == person.Id && q.ComuneIstat == r.Istat
                && (q.State == RequestState.InAttesa || q.State == RequestState.Approvata), ct);
            var request = pending ?? new AccreditationRequest
            {
                PersonId = person.Id, CodiceFiscale = r.Cf, ComuneIstat = r.Istat, Origin = RequestOrigins.Importazione, CreatedUtc = now,
            };
            if (pending is null) db.Requests.Add(request);
            request.State = RequestState.Approvata;
            request.DecidedUtc = now;
            request.DecidedBy = actor;
            request.DecisionReason = "Importazione degli operatori già accreditati";
            request.AssignmentId = assignment.Id;
            newGrants++;
            created.Add($"Accreditamento di {r.Cf} per il Comune di {found[r.Istat].Comune.Nome} ({r.Istat})");
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Accreditamento.Importazione", "Importazione operatori dei Comuni",
            $"Righe: {rows.Count}; persone create: {newPeople}; accreditamenti creati: {newGrants}; già presenti: {existing}");
        await work.CompleteAsync(ct);
        return new ImportSummary(rows.Count, newPeople, newGrants, existing, created, []);
    }

    private static async Task<(List<Row> Rows, List<ImportRowError> Errors)> ParseAsync(Stream csv, CancellationToken ct)
    {
        var rows = new List<Row>();
        var errors = new List<ImportRowError>();
        using var reader = new StreamReader(csv, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        string text;
        try { text = await reader.ReadToEndAsync(ct); }
        catch (DecoderFallbackException)
        {
            errors.Add(new(0, "Il file non è un testo in codifica UTF-8."));
            return (rows, errors);
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            var separator = line.Contains(';', StringComparison.Ordinal) ? ';' : ',';
            var cells = line.Split(separator).Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (rows.Count == 0 && errors.Count == 0 && IsHeader(cells[0])) continue;
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new(i + 1, $"Il file supera il massimo di {MaxRows} righe."));
                break;
            }
            if (cells.Length < 2 || cells[1].Length == 0 || cells[0].Length == 0)
            {
                errors.Add(new(i + 1, "Indicare almeno codice fiscale e codice ISTAT del Comune."));
                continue;
            }
            if (cells.Length > 5)
            {
                errors.Add(new(i + 1, "Troppe colonne: attese codice fiscale, codice ISTAT, nome, cognome, email."));
                continue;
            }
            string? Cell(int n) => cells.Length > n && cells[n].Length > 0 ? cells[n] : null;
            rows.Add(new Row(i + 1, cells[0].ToUpperInvariant(), cells[1], Cell(2), Cell(3), Cell(4)));
        }
        return (rows, errors);
    }

    private static bool IsHeader(string first)
    {
        var f = first.ToLowerInvariant().Replace("_", " ", StringComparison.Ordinal);
        return f.StartsWith("codice", StringComparison.Ordinal) || f is "cf";
    }
}
