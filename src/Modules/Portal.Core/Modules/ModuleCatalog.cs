using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Portal.Core.Modules;

/// <summary>The modules found in the host's dependencies, sorted so that dependencies come first.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<PortalModule> modules, IEnumerable<Assembly>? uiAssemblies = null)
    {
        Modules = Sort(modules.ToList());
        UiAssemblies = Modules.Select(m => m.GetType().Assembly).Concat(uiAssemblies ?? []).Distinct().ToList();
    }

    public IReadOnlyList<PortalModule> Modules { get; }

    /// <summary>The modules' assemblies and the other pages and views found with them (the themes).</summary>
    public IReadOnlyList<Assembly> UiAssemblies { get; }

    /// <summary>Finds every assembly of the application (deps.json) that declares a module.</summary>
    public static ModuleCatalog Discover(DependencyContext? dependencies = null)
    {
        dependencies ??= DependencyContext.Default;
        var modules = new List<PortalModule>();
        var ui = new List<Assembly>();
        var names = dependencies?.RuntimeLibraries
            .Where(l => l.Type == "project" || l.Name.StartsWith("Portal.", StringComparison.Ordinal))
            .Select(l => l.Name) ?? [];
        foreach (var name in names.Distinct())
        {
            Assembly assembly;
            try { assembly = Assembly.Load(new AssemblyName(name)); }
            catch (FileNotFoundException) { continue; }
            modules.AddRange(FromAssembly(assembly));
            if (assembly.GetReferencedAssemblies().Any(a => a.Name?.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal) == true))
                ui.Add(assembly);
        }
        return new ModuleCatalog(modules, ui);
    }

    public static IEnumerable<PortalModule> FromAssembly(Assembly assembly) =>
        assembly.GetCustomAttributes<PortalModuleAttribute>()
            .Select(a => (PortalModule)(Activator.CreateInstance(a.ModuleType)
                ?? throw new InvalidOperationException($"Impossibile creare il modulo {a.ModuleType}.")));

    internal static List<PortalModule> Sort(List<PortalModule> modules)
    {
        var byName = new Dictionary<string, PortalModule>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            if (!byName.TryAdd(m.Name, m))
                throw new ModuleCompositionException($"Il modulo '{m.Name}' è registrato due volte.");
        }
        var sorted = new List<PortalModule>();
        var state = new Dictionary<string, bool>(); // false = visiting, true = done
        foreach (var m in modules.OrderBy(m => m.Name, StringComparer.Ordinal))
            Visit(m, []);
        return sorted;

        void Visit(PortalModule m, List<string> path)
        {
            if (state.TryGetValue(m.Name, out var done))
            {
                if (done) return;
                throw new ModuleCompositionException(
                    $"Dipendenza circolare tra moduli: {string.Join(" → ", path.Append(m.Name))}.");
            }
            state[m.Name] = false;
            foreach (var dep in m.DependsOn)
            {
                if (!byName.TryGetValue(dep, out var d))
                    throw new ModuleCompositionException($"Il modulo '{m.Name}' richiede il modulo '{dep}', che non è presente.");
                Visit(d, [.. path, m.Name]);
            }
            state[m.Name] = true;
            sorted.Add(m);
        }
    }
}

public sealed class ModuleCompositionException(string message) : Exception(message);
