using Microsoft.EntityFrameworkCore;
using Portal.Workflows.Data;
using Portal.Workflows.Model;

namespace Portal.Workflows.Services;

public sealed record DefinitionSummary(StoredDefinition Latest, int Instances);

public sealed record InstanceRow(Guid Id, string SubjectId, string State, int Version, DateTime UpdatedUtc);

/// <summary>What the admin pages show: definitions with their instance counts, live counts per state, recent instances.</summary>
public sealed class WorkflowAdminQueries(WorkflowsDbContext db)
{
    public async Task<List<DefinitionSummary>> DefinitionsAsync(CancellationToken ct = default)
    {
        var all = await db.Definitions.AsNoTracking().ToListAsync(ct);
        var counts = await db.Instances.AsNoTracking().GroupBy(i => i.DefinitionCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return all.GroupBy(d => d.Code).Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.Name).Select(d => new DefinitionSummary(d, counts.GetValueOrDefault(d.Code))).ToList();
    }

    /// <summary>Instances per state code, whatever version they run on.</summary>
    public Task<Dictionary<string, int>> CountsByStateAsync(string code, CancellationToken ct = default) =>
        db.Instances.AsNoTracking().Where(i => i.DefinitionCode == code).GroupBy(i => i.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public async Task<List<InstanceRow>> RecentInstancesAsync(string code, string? state, int take, CancellationToken ct = default)
    {
        var query = db.Instances.AsNoTracking().Where(i => i.DefinitionCode == code);
        if (!string.IsNullOrEmpty(state)) query = query.Where(i => i.State == state);
        var rows = await query.Select(i => new InstanceRow(i.Id, i.SubjectId, i.State, i.DefinitionVersion, i.UpdatedUtc)).ToListAsync(ct);
        return rows.OrderByDescending(r => r.UpdatedUtc).Take(take).ToList();
    }

    public Task<List<WorkflowTimer>> TimersAsync(Guid instanceId, CancellationToken ct = default) =>
        db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedUtc).ToListAsync(ct);
}
