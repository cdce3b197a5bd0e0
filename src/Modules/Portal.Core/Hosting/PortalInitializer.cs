using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Recipes;

namespace Portal.Core.Hosting;

/// <summary>
/// Brings the database up to date and, on an empty site, runs the setup (and demo) recipe.
/// On PostgreSQL it holds an advisory lock so that several nodes starting together do this once.
/// </summary>
public sealed class PortalInitializer(IServiceProvider services, IOptions<SetupOptions> options, IHostEnvironment environment, ILogger<PortalInitializer> logger)
{
    private const long LockKey = 0x506F7274616C; // "Portal"

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var core = sp.GetRequiredService<CoreDbContext>();
        var postgres = core.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        if (postgres)
        {
            await core.Database.OpenConnectionAsync(ct);
            // Another node may hold the lock for as long as its migrations and recipes take on a loaded machine:
            // waiting for it must not fail on the ordinary 30-second command timeout.
            var timeout = core.Database.GetCommandTimeout();
            core.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await core.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", ct);
            core.Database.SetCommandTimeout(timeout);
        }
        else
        {
            // WAL lets readers go on while a request writes (the default journal blocks them).
            await core.Database.OpenConnectionAsync(ct);
            await core.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await core.Database.CloseConnectionAsync();
        }
        try
        {
            await MigrateAsync(sp, ct);
            if (!options.Value.AutoSetup) return;
            var runner = sp.GetRequiredService<RecipeRunner>();
            var dir = options.Value.ResolveRecipesPath();
            logger.LogInformation("Ricette in {Folder}", dir);
            if (!await runner.HasRunAsync("setup", ct))
                await runner.RunFileAsync(Path.Combine(dir, "setup.recipe.json"), "avvio", ct);
            var demo = options.Value.RunDemo ?? environment.IsDevelopment();
            if (demo && !await runner.HasRunAsync("demo", ct))
                await runner.RunFileAsync(Path.Combine(dir, "demo.recipe.json"), "avvio", ct);
        }
        finally
        {
            if (postgres)
            {
                await core.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
                await core.Database.CloseConnectionAsync();
            }
        }
    }

    public static async Task MigrateAsync(IServiceProvider scoped, CancellationToken ct = default)
    {
        foreach (var module in scoped.GetServices<ModuleDatabase>())
        {
            var context = (DbContext)scoped.GetRequiredService(module.ContextType);
            await context.Database.MigrateAsync(ct);
            scoped.GetRequiredService<ILogger<PortalInitializer>>()
                .LogInformation("Database del modulo {Module} aggiornato", module.ModuleName);
        }
    }
}
