using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Modules;

namespace Portal.Core.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's context: <typeparamref name="TContext"/> is what the module's code uses;
    /// the provider-specific subclasses carry the migrations for SQLite and PostgreSQL.
    /// Each module keeps its own migrations history table so a module can be added or removed alone.
    /// </summary>
    public static void AddModuleDbContext<TContext, TSqlite, TPostgres>(this ModuleContext module, string historyTable)
        where TContext : PortalDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var options = ReadOptions(module.Configuration, module.Environment);
        var strict = module.Environment.IsDevelopment() || module.Environment.IsEnvironment("Testing");
        var services = module.Services;
        services.TryAddSingleton(options);
        services.TryAddScoped<PortalConnection>();
        services.TryAddScoped<IUnitOfWork, UnitOfWork>();
        // Pooled: a request takes a context already built (its options, EF's internal services) instead of building one,
        // and gives it back at the end of the scope. The scope's connection is set on each lease; the interceptor finds it
        // through the context. Only TContext is registered: the scope disposes (returns) the context exactly once.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<TPostgres>(o => o.UseNpgsql(b => b.MigrationsHistoryTable(historyTable))
                .AddInterceptors(AmbientTransactionInterceptor.Instance).ConfigureWarnings(w => Warnings(w, strict)), PoolSize);
            services.RemoveAll<TPostgres>(); // a context not leased through TContext would have no connection of this scope
            services.AddScoped<TContext>(sp => Lease(sp.GetRequiredService<IDbContextFactory<TPostgres>>(), sp.GetRequiredService<PortalConnection>()));
        }
        else
        {
            services.AddPooledDbContextFactory<TSqlite>(o => o.UseSqlite(b => b.MigrationsHistoryTable(historyTable))
                .AddInterceptors(AmbientTransactionInterceptor.Instance).ConfigureWarnings(w => Warnings(w, strict)), PoolSize);
            services.RemoveAll<TSqlite>();
            services.AddScoped<TContext>(sp => Lease(sp.GetRequiredService<IDbContextFactory<TSqlite>>(), sp.GetRequiredService<PortalConnection>()));
        }
        services.AddSingleton(new ModuleDatabase(typeof(TContext).Assembly.GetName().Name!, typeof(TContext), historyTable));
    }

    /// <summary>Contexts kept per module and provider: more concurrent requests than this build new ones, as without a pool.</summary>
    private const int PoolSize = 256;

    private static T Lease<T>(IDbContextFactory<T> factory, PortalConnection connection) where T : PortalDbContext
    {
        var context = factory.CreateDbContext();
        context.Join(connection);
        return context;
    }

    /// <summary>
    /// A failed save (a unique key another request won, a stale revision) reaches the caller as an exception: the
    /// code that expects it handles it, anything else is logged once where it is not handled. EF's own Error log
    /// with a stack trace for every such failure would only bury the real errors.
    /// In Development and Testing (<paramref name="strict"/>) a query whose rows or their order are left to the database
    /// (paging or First without an ordering, an ordering that Distinct erases) fails where it is written: it is a defect
    /// that a test would otherwise pass by luck.
    /// </summary>
    private static void Warnings(WarningsConfigurationBuilder w, bool strict)
    {
        w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.TransactionError, LogLevel.Debug));
        if (strict)
            w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning, CoreEventId.FirstWithoutOrderByAndFilterWarning,
                CoreEventId.DistinctAfterOrderByWithoutRowLimitingOperatorWarning, RelationalEventId.MultipleCollectionIncludeWarning);
    }

    public static DatabaseOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.Provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException(
                    "Portal:Database:ConnectionString è obbligatoria quando il provider è Postgres.");
            var dir = Path.Combine(environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(dir);
            options.ConnectionString = $"Data Source={Path.Combine(dir, "portal.db")}";
        }
        else if (options.Provider == DatabaseProvider.Postgres)
            options.ConnectionString = WithAutoPrepare(options.ConnectionString);
        return options;
    }

    /// <summary>
    /// Npgsql prepares nothing unless told to: every statement is parsed and planned again by PostgreSQL. With automatic
    /// preparation the statements a pooled connection runs again and again (a request's dozen) are prepared on it after a
    /// few uses; in the Bonus click-day run that took PostgreSQL's CPU per send from about 6 to 4 ms. A connection string
    /// that sets "Max Auto Prepare" itself keeps its value (0 where a pooler in transaction mode cannot keep prepared statements).
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }
}
