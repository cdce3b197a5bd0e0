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

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO core_protocol_counter (\"Aoo\", \"Year\", \"LastNumber\") VALUES ({aoo}, {year}, 0) ON CONFLICT DO NOTHING", ct);
        // A no-op update takes the counter's lock (row lock on PostgreSQL, write lock on SQLite) before the
        // subject is looked up again: a concurrent registration of the same subject is then seen, not duplicated.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE core_protocol_counter SET \"LastNumber\" = \"LastNumber\" WHERE \"Aoo\" = {aoo} AND \"Year\" = {year}", ct);
        existing = await FindAsync(subjectType, subjectId, ct);
        if (existing is not null) return existing;

        var number = (await db.Database.SqlQuery<long>(
            $"UPDATE core_protocol_counter SET \"LastNumber\" = \"LastNumber\" + 1 WHERE \"Aoo\" = {aoo} AND \"Year\" = {year} RETURNING \"LastNumber\" AS \"Value\"")
            .ToListAsync(ct)).Single();
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

    public Task<ProtocolEntry?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default) =>
        db.Entries.AsNoTracking().FirstOrDefaultAsync(p => p.SubjectType == subjectType && p.SubjectId == subjectId, ct);
}
