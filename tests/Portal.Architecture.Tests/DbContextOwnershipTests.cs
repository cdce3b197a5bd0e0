using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Portal.Architecture.Tests;

/// <summary>
/// A module uses only the DbContext it owns: another module's data is reached through that module's contracts,
/// and a shared transaction through IUnitOfWork (docs/modules.md, "Data").
/// </summary>
public class DbContextOwnershipTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_module_uses_a_DbContext_it_does_not_own()
    {
        var violations = ModuleTree.Projects.Where(p => !p.IsAbstractions)
            .SelectMany(m => ForeignContextUses(m.Assembly).Select(use => $"{m.Name}: {use}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(violations.Count == 0, "DbContext di un altro modulo usato da:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Abstractions_hold_no_DbContext()
    {
        var contexts = ModuleTree.Projects.Where(p => p.IsAbstractions)
            .SelectMany(p => LoadableTypes(p.Assembly)).Where(t => typeof(DbContext).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.Empty(contexts);
    }

    /// <summary>Constructor and method parameters (handlers and lambdas too) and fields typed with another assembly's context.</summary>
    internal static IEnumerable<string> ForeignContextUses(Assembly assembly)
    {
        foreach (var type in LoadableTypes(assembly))
        {
            var types = type.GetConstructors(All).SelectMany(c => c.GetParameters()).Select(p => (p.ParameterType, Where: "costruttore"))
                .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => (p.ParameterType, Where: m.Name))))
                .Concat(type.GetFields(All).Select(f => (ParameterType: f.FieldType, Where: f.Name)));
            foreach (var (t, where) in types)
            {
                // EF's own DbContext (infrastructure such as the unit of work handles any context) is not a module's.
                if (typeof(DbContext).IsAssignableFrom(t) && t.Assembly != assembly && t != typeof(DbContext)
                    && t.Assembly.GetName().Name!.StartsWith("Portal.", StringComparison.Ordinal))
                    yield return $"{Display(type)} ({where}) usa {t.Name} di {t.Assembly.GetName().Name}";
            }
        }
    }

    private static string Display(Type t)
    {
        while (t.DeclaringType is not null && t.Name.StartsWith('<')) t = t.DeclaringType;
        return t.FullName ?? t.Name;
    }

    internal static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }
}
