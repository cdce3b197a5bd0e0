using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Modules;

namespace Portal.Core.Recipes;

public sealed record RecipeResult(string Name, IReadOnlyList<string> Log);

public sealed class RecipeRunner
{
    private readonly Dictionary<string, IRecipeStep> _steps;
    private readonly CoreDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger<RecipeRunner> _logger;
    private readonly HashSet<string> _modules;

    /// <remarks>Internal: the Core database is Core's own; others get this service from the container.</remarks>
    internal RecipeRunner(IEnumerable<IRecipeStep> steps, CoreDbContext db, TimeProvider clock, ILogger<RecipeRunner> logger, ModuleCatalog catalog)
    {
        _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase); _db = db; _clock = clock; _logger = logger;
        _modules = catalog.Modules.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The latest runs, newest first.</summary>
    public async Task<IReadOnlyList<RecipeRun>> RecentRunsAsync(int take, CancellationToken ct = default) =>
        await _db.RecipeRuns.AsNoTracking().OrderByDescending(r => r.RunUtc).Take(take).ToListAsync(ct);

    public Task<bool> HasRunAsync(string name, CancellationToken ct = default) =>
        _db.RecipeRuns.AnyAsync(r => r.Name == name, ct);

    public async Task<RecipeResult> RunFileAsync(string path, string? runBy, CancellationToken ct = default)
    {
        if (!File.Exists(path)) throw new RecipeException($"Ricetta non trovata: {path}.");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? Path.GetFileNameWithoutExtension(path) : Path.GetFileNameWithoutExtension(path);
        if (!root.TryGetProperty("steps", out var stepList) || stepList.ValueKind != JsonValueKind.Array)
            throw new RecipeException($"La ricetta «{name}» non ha un elenco «steps».");

        // Refuse the whole recipe before running anything if it names an unknown step.
        // A step that names its module ("module": "Portal.Bonus") is skipped when that module is not part of
        // the host, as the roles step skips such a module's permissions: a host composed of a few modules
        // (a module's tests) runs the site's recipes as they are.
        var plan = new List<(IRecipeStep Step, JsonElement Element)>();
        var skipped = new List<string>();
        var i = 0;
        foreach (var element in stepList.EnumerateArray())
        {
            i++;
            var stepName = element.TryGetProperty("step", out var s) ? s.GetString() : null;
            var module = element.TryGetProperty("module", out var m) ? m.GetString() : null;
            if (module is not null && !_modules.Contains(module))
            {
                if (!module.StartsWith("Portal.", StringComparison.Ordinal))
                    throw new RecipeException($"Passo {i} della ricetta «{name}»: modulo «{module}» non valido (i moduli si chiamano «Portal.<Nome>»).");
                skipped.Add($"{stepName} ({module})");
                continue;
            }
            if (stepName is null || !_steps.TryGetValue(stepName, out var step))
                throw new RecipeException($"Passo {i} della ricetta «{name}»: passo «{stepName}» sconosciuto. Passi disponibili: {string.Join(", ", _steps.Keys.Order())}.");
            plan.Add((step, element));
        }

        var context = new RecipeStepContext(Path.GetDirectoryName(Path.GetFullPath(path))!, runBy);
        if (skipped.Count > 0)
        {
            _logger.LogInformation("Ricetta {Recipe}: passi di moduli non presenti saltati: {Steps}", name, string.Join(", ", skipped));
            context.Log.Add($"Passi saltati (moduli non presenti): {string.Join(", ", skipped)}.");
        }
        foreach (var (step, element) in plan)
        {
            _logger.LogInformation("Ricetta {Recipe}: passo {Step}", name, step.Name);
            await step.ExecuteAsync(context, element, ct);
        }
        _db.RecipeRuns.Add(new RecipeRun
        {
            Name = name,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            RunUtc = _clock.GetUtcNow().UtcDateTime,
            RunBy = runBy,
            Summary = string.Join("\n", context.Log),
        });
        await _db.SaveChangesAsync(ct);
        return new RecipeResult(name, context.Log);
    }
}
