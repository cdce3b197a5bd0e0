using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Text;

namespace Portal.Core.Security;

internal sealed class People(CoreDbContext db, IUnitOfWork unitOfWork, TimeProvider clock) : IPeople
{
    public async Task<PersonInfo?> FindAsync(Guid id, CancellationToken ct = default) =>
        ToInfo(await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct));

    public async Task<PersonInfo?> FindByCodiceFiscaleAsync(string codiceFiscale, CancellationToken ct = default)
    {
        var cf = codiceFiscale.Trim().ToUpperInvariant();
        return ToInfo(await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.CodiceFiscale == cf, ct));
    }

    public async Task<IReadOnlyDictionary<Guid, PersonInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        var found = new Dictionary<Guid, PersonInfo>();
        foreach (var chunk in wanted.Chunk(500))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
                found[p.Id] = ToInfo(p)!;
        return found;
    }

    public async Task<IReadOnlyDictionary<string, PersonInfo>> FindManyByCodiceFiscaleAsync(IEnumerable<string> codiciFiscali, CancellationToken ct = default)
    {
        var wanted = codiciFiscali.Distinct().ToList();
        var found = new Dictionary<string, PersonInfo>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(500))
            foreach (var p in await db.Persons.AsNoTracking().Where(p => chunk.Contains(p.CodiceFiscale)).ToListAsync(ct))
                found[p.CodiceFiscale] = ToInfo(p)!;
        return found;
    }

    public async Task<PersonInfo> EnsureAsync(string codiceFiscale, string nome, string cognome, string? email = null, CancellationToken ct = default)
    {
        var cf = codiceFiscale.Trim().ToUpperInvariant();
        var existing = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.CodiceFiscale == cf, ct);
        if (existing is not null) return ToInfo(existing)!;
        var person = new Person { CodiceFiscale = cf, Nome = nome.Trim(), Cognome = cognome.Trim(), Email = email, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        try
        {
            // Its own (nested) unit: when the same person is created at the same moment on another request or
            // node, only this insert is undone and the winner is read back.
            await using var work = await unitOfWork.BeginAsync(ct);
            db.Persons.Add(person);
            await db.SaveChangesAsync(ct);
            await work.CompleteAsync(ct);
            return ToInfo(person)!;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ToInfo(await db.Persons.AsNoTracking().FirstAsync(p => p.CodiceFiscale == cf, ct))!;
        }
    }

    public async Task<IReadOnlyList<PersonInfo>> DemoPeopleAsync(CancellationToken ct = default) =>
        (await db.Persons.AsNoTracking().Where(p => p.IsDemo).OrderBy(p => p.Cognome).ThenBy(p => p.Nome).ToListAsync(ct))
        .Select(p => ToInfo(p)!).ToList();

    public async Task<IReadOnlyList<PersonInfo>> SearchAsync(string? text, string? activeRole, int take, CancellationToken ct = default)
    {
        var query = db.Persons.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = LikePattern.Containing(text);
            query = query.Where(p => EF.Functions.Like(p.CodiceFiscale.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like(p.Cognome.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like(p.Nome.ToLower(), pattern, LikePattern.Escape));
        }
        if (!string.IsNullOrWhiteSpace(activeRole))
            query = query.Where(p => p.Assignments.Any(a => a.RoleName == activeRole && a.RevokedUtc == null));
        return (await query.OrderBy(p => p.Cognome).ThenBy(p => p.Nome).Take(take).ToListAsync(ct)).Select(p => ToInfo(p)!).ToList();
    }

    public async Task SetEmailAsync(Guid id, string? email, CancellationToken ct = default) =>
        await db.Persons.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Email, email), ct);

    private static PersonInfo? ToInfo(Person? p) => p is null ? null : new(p.Id, p.CodiceFiscale, p.Nome, p.Cognome, p.Email, p.IsDemo, p.LastLoginUtc);
}
