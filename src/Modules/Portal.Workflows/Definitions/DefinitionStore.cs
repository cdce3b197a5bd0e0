using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Workflows.Data;
using Portal.Workflows.Model;

namespace Portal.Workflows.Definitions;

/// <summary>
/// Stores definitions as versions. Versioning choice: a running instance stays on the version it started
/// with (its states and transitions never change under it); new instances use the latest version.
/// </summary>
public sealed class DefinitionStore(WorkflowsDbContext db, WorkflowCatalog catalog, IAuditTrail audit, TimeProvider clock)
{
    public static WorkflowDefinition Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowDefinition.Json)
                ?? throw new DefinitionException(["La definizione è vuota."]);
        }
        catch (JsonException e)
        {
            throw new DefinitionException([$"La definizione non è un JSON valido ({e.Message})."]);
        }
    }

    /// <summary>Validates and saves the definition as a new version, unless it equals the latest one. Audited.</summary>
    /// <exception cref="DefinitionException">The definition names something unknown or is inconsistent.</exception>
    public async Task<SavedDefinition> SaveAsync(WorkflowDefinition definition, string by, CancellationToken ct = default)
    {
        var errors = catalog.Validate(definition);
        if (errors.Count > 0) throw new DefinitionException(errors);
        var latest = await LatestStoredAsync(definition.Code, ct);
        var previous = latest is null ? null : Parse(latest.Json);
        var json = definition.ToJson();
        if (previous is not null && previous.ToJson() == json) return new SavedDefinition(latest!, false, []);
        var changes = DefinitionChanges.Between(previous, definition);
        var stored = new StoredDefinition
        {
            Code = definition.Code,
            Version = (latest?.Version ?? 0) + 1,
            Name = definition.Name,
            SubjectType = definition.SubjectType,
            Json = json,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = by,
            Changes = string.Join("\n", changes),
        };
        db.Definitions.Add(stored);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Workflows.DefinizioneSalvata", $"{stored.Code} v{stored.Version}", string.Join(" ", changes));
        return new SavedDefinition(stored, true, changes);
    }

    /// <summary>
    /// Applies a definition a module ships (see <see cref="ShippedWorkflowDefinition"/>). The file is applied when its content
    /// is new to the store: a file already stored as some version is left alone, so re-running the setup recipe keeps an
    /// administrator's later edit; a changed file becomes a new version (running instances keep theirs), and the result says
    /// which administrator's version it supersedes, if any.
    /// </summary>
    /// <exception cref="DefinitionException">The definition names something unknown or is inconsistent.</exception>
    public async Task<ShippedOutcome> ApplyShippedAsync(WorkflowDefinition definition, string by, CancellationToken ct = default)
    {
        var errors = catalog.Validate(definition);
        if (errors.Count > 0) throw new DefinitionException(errors);
        var versions = await VersionsAsync(definition.Code, ct);
        var json = definition.ToJson();
        var latest = versions.FirstOrDefault();
        if (latest is not null && Parse(latest.Json).ToJson() == json) return new ShippedOutcome(ShippedResult.Unchanged, latest, null);
        var applied = versions.Skip(1).FirstOrDefault(v => Parse(v.Json).ToJson() == json);
        if (applied is not null) return new ShippedOutcome(ShippedResult.KeptEdit, latest!, applied);
        var saved = await SaveAsync(definition, by, ct);
        return new ShippedOutcome(ShippedResult.Created, saved.Stored, latest);
    }

    public Task<StoredDefinition?> LatestStoredAsync(string code, CancellationToken ct = default) =>
        db.Definitions.AsNoTracking().Where(d => d.Code == code).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    public Task<List<StoredDefinition>> VersionsAsync(string code, CancellationToken ct = default) =>
        db.Definitions.AsNoTracking().Where(d => d.Code == code).OrderByDescending(d => d.Version).ToListAsync(ct);

    /// <summary>The latest version of every definition.</summary>
    public async Task<List<StoredDefinition>> LatestAllAsync(CancellationToken ct = default)
    {
        var all = await db.Definitions.AsNoTracking().ToListAsync(ct);
        return all.GroupBy(d => d.Code).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Name).ToList();
    }

    /// <summary>A version, validated against what is registered now (a module may have been removed since).</summary>
    /// <exception cref="DefinitionException">Unknown version, or it names something no longer registered.</exception>
    public async Task<WorkflowDefinition> LoadAsync(string code, int version, CancellationToken ct = default)
    {
        var stored = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code && d.Version == version, ct)
            ?? throw new DefinitionException([$"Il flusso «{code}» versione {version} non esiste."]);
        return Validated(Parse(stored.Json));
    }

    private WorkflowDefinition Validated(WorkflowDefinition definition)
    {
        var errors = catalog.Validate(definition);
        return errors.Count == 0 ? definition : throw new DefinitionException(errors);
    }
}
