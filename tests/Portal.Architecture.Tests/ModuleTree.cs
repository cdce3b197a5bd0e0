using System.Reflection;
using System.Xml.Linq;

namespace Portal.Architecture.Tests;

/// <summary>The modules as the repository holds them: their folders, project files and built assemblies.</summary>
public sealed record ModuleProject(string Name, string Folder, IReadOnlyList<string> References, IReadOnlyList<string> Packages)
{
    public bool IsAbstractions => Name.EndsWith(".Abstractions", StringComparison.Ordinal);

    /// <summary>Portal.Core is the infrastructure every module builds on (composition, persistence, session).</summary>
    public bool IsCore => Name == "Portal.Core";

    public Assembly Assembly => Assembly.Load(new AssemblyName(Name));

    public IEnumerable<string> Sources => Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public string Relative(string path) => Path.GetRelativePath(Folder, path);
}

public static class ModuleTree
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<ModuleProject> Projects { get; } = Load();

    /// <summary>The feature modules (not Core, not abstractions).</summary>
    public static IEnumerable<ModuleProject> Features => Projects.Where(p => !p.IsAbstractions && !p.IsCore);

    private static List<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();

    private static List<string> PackageReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("PackageReference").Select(r => (string?)r.Attribute("Include") ?? "").ToList();

    private static List<ModuleProject> Load()
    {
        var modules = Path.Combine(Root, "src", "Modules");
        return Directory.GetDirectories(modules).Select(dir =>
        {
            var name = Path.GetFileName(dir);
            var csproj = Path.Combine(dir, name + ".csproj");
            return new ModuleProject(name, dir, ProjectReferences(csproj), PackageReferences(csproj));
        }).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Portal.sln non trovato.");
    }
}
