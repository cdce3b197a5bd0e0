using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Architecture.Tests;

/// <summary>
/// Every module's migrations, on both providers, describe its model exactly: an entity or configuration changed
/// without its migration (or a table moved between modules without the snapshots) fails here, not in production.
/// </summary>
public class MigrationsMatchModelTests
{
    public static TheoryData<string> DesignFactories()
    {
        var data = new TheoryData<string>();
        foreach (var module in ModuleTree.Projects.Where(p => !p.IsAbstractions))
            foreach (var type in module.Assembly.GetTypes().Where(IsDesignFactory).OrderBy(t => t.FullName, StringComparer.Ordinal))
                data.Add(type.AssemblyQualifiedName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(DesignFactories))]
    public void The_migrations_match_the_model(string factoryType)
    {
        var type = Type.GetType(factoryType, throwOnError: true)!;
        var factory = Activator.CreateInstance(type, nonPublic: true)!;
        var create = type.GetMethod("CreateDbContext")!;
        using var context = (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;
        Assert.False(context.Database.HasPendingModelChanges(),
            $"{context.GetType().Name}: il modello è cambiato senza una migrazione (scripts/add-migration.sh).");
    }

    private static bool IsDesignFactory(Type t) =>
        t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>));
}
