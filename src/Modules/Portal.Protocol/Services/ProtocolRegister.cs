using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Protocol.Data;
using Portal.Core.Settings;
using Portal.Core.Time;

using Portal.Core.Protocol;
using Portal.Core.Receipts;

namespace Portal.Protocol.Services;

/// <summary>
/// Numbers come from a counter row updated with UPDATE ... RETURNING: the row lock (PostgreSQL) or the
/// database write lock (SQLite) serialises takers until commit, so numbers follow commit order and a
/// rolled-back transaction gives its number back.
/// </summary>
internal sealed class DatabaseProtocolRegister(ProtocolDbContext db, IUnitOfWork unitOfWork, ISiteSettings settings, TimeProvider clock) : IProtocolRegister
{
    public async Task<ProtocolEntry> RegisterAsync(string subjectType, string subjectId, string? description, CancellationToken ct = default)
    {
        var existing = await FindAsync(subjectType, subjectId, ct);
        if (existing is not null) return existing;

        var aoo = (await settings.GetAsync(ct)).AooCode;
        var year = RomeTime.ToRome(clock.GetUtcNow().UtcDateTime).Year;
        // Inside the caller's unit of work when there is one: the number is taken only if it commits.
        await using var work = unitOfWork.IsActive ? null : await unitOfWork.BeginAsync(ct);

        await LockCounterAsync(aoo, year, ct);
        existing = await FindAsync(subjectType, subjectId, ct);
        if (existing is not null) return existing;

        var number = await DrawAsync(aoo, year, 1, ct);
        var entry = new ProtocolEntry
        {
            Aoo = aoo,
            Year = year,
            Number = number,
            // Read under the lock: numbers and registration times grow together.
            RegisteredUtc = clock.GetUtcNow().UtcDateTime,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Description = description,
        };
        db.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        if (work is not null) await work.CompleteAsync(ct);
        return entry;
    }

    /// <summary>
    /// Registers the subjects in the given order in one transaction: one lock of the counter, consecutive numbers drawn with
    /// one UPDATE, the entries written together. A subject already registered keeps its entry (a retried batch).
    /// </summary>
    internal async Task RegisterManyAsync(IReadOnlyList<(string Type, string Id, string? Description)> subjects, CancellationToken ct)
    {
        var aoo = (await settings.GetAsync(ct)).AooCode;
        var year = RomeTime.ToRome(clock.GetUtcNow().UtcDateTime).Year;
        await using var work = unitOfWork.IsActive ? null : await unitOfWork.BeginAsync(ct);
        // The counter's lock first, then the subjects already registered: as in RegisterAsync, a concurrent registration is seen.
        await LockCounterAsync(aoo, year, ct);
        var types = subjects.Select(s => s.Type).Distinct().ToList();
        var ids = subjects.Select(s => s.Id).Distinct().ToList();
        var registered = (await db.Entries.AsNoTracking().Where(p => types.Contains(p.SubjectType) && ids.Contains(p.SubjectId))
            .Select(p => new { p.SubjectType, p.SubjectId }).ToListAsync(ct)).Select(p => (p.SubjectType, p.SubjectId)).ToHashSet();
        var fresh = subjects.Where(s => registered.Add((s.Type, s.Id))).ToList();
        if (fresh.Count > 0)
        {
            var last = await DrawAsync(aoo, year, fresh.Count, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var number = last - fresh.Count;
            foreach (var (type, id, description) in fresh)
                db.Entries.Add(new ProtocolEntry
                {
                    Aoo = aoo,
                    Year = year,
                    Number = ++number,
                    RegisteredUtc = now,
                    SubjectType = type,
                    SubjectId = id,
                    Description = description,
                });
            await db.SaveChangesAsync(ct);
        }
        if (work is not null) await work.CompleteAsync(ct);
    }

    /// <summary>
    /// Creates the year's counter if needed, then takes its lock with a no-op update (row lock on PostgreSQL, write lock on
    /// SQLite) before subjects are looked up again: a concurrent registration of the same subject is then seen, not duplicated.
    /// </summary>
    private async Task LockCounterAsync(string aoo, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO core_protocol_counter (\"Aoo\", \"Year\", \"LastNumber\") VALUES ({aoo}, {year}, 0) ON CONFLICT DO NOTHING", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE core_protocol_counter SET \"LastNumber\" = \"LastNumber\" WHERE \"Aoo\" = {aoo} AND \"Year\" = {year}", ct);
    }

    /// <summary>Takes <paramref name="count"/> consecutive numbers under the lock; returns the last one.</summary>
    private async Task<long> DrawAsync(string aoo, int year, int count, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>(
            $"UPDATE core_protocol_counter SET \"LastNumber\" = \"LastNumber\" + {count} WHERE \"Aoo\" = {aoo} AND \"Year\" = {year} RETURNING \"LastNumber\" AS \"Value\"")
            .ToListAsync(ct)).Single();

    public Task<ProtocolEntry?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default) =>
        db.Entries.AsNoTracking().FirstOrDefaultAsync(p => p.SubjectType == subjectType && p.SubjectId == subjectId, ct);
}
