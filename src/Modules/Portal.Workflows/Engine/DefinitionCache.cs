using System.Collections.Concurrent;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Engine;

/// <summary>
/// The engine's parsed and validated definitions, per process. Safe across nodes because a stored version never changes
/// (<see cref="DefinitionStore.SaveAsync"/> always adds a new version, nothing updates or deletes one), and the catalog
/// they are validated against is this process's registrations. Saves a read, a JSON parse and a validation per firing.
/// </summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<(string Code, int Version), WorkflowDefinition> _loaded = new();

    /// <exception cref="DefinitionException">Unknown version, or it names something no longer registered (not cached).</exception>
    public async Task<WorkflowDefinition> LoadAsync(DefinitionStore store, string code, int version, CancellationToken ct)
    {
        if (_loaded.TryGetValue((code, version), out var definition)) return definition;
        definition = await store.LoadAsync(code, version, ct);
        return _loaded.GetOrAdd((code, version), definition);
    }
}
