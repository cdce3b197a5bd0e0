using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Portal.Architecture.Tests;

/// <summary>Every module has the folder shape of docs/modules.md, so a newcomer finds each kind of thing in one place.</summary>
public partial class ModuleShapeTests
{
    public static TheoryData<string> Features() => new(ModuleTree.Features.Select(m => m.Name));

    private static ModuleProject Module(string name) => ModuleTree.Projects.Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(Features))]
    public void Has_one_registration_class_at_its_root(string name)
    {
        var module = Module(name);
        var registrations = Directory.GetFiles(module.Folder, "*Module.cs")
            .Where(f => File.ReadAllText(f).Contains("[assembly: PortalModule(", StringComparison.Ordinal)).ToList();
        Assert.True(registrations.Count == 1, $"{name}: serve un solo file <Modulo>Module.cs con [assembly: PortalModule(...)] nella cartella del modulo.");
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Keeps_its_API_in_Apis(string name)
    {
        var module = Module(name);
        var stray = module.Sources.Where(f => MapsApi().IsMatch(File.ReadAllText(f)))
            .Select(module.Relative)
            .Where(f => !f.StartsWith("Apis" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.EndsWith("Module.cs", StringComparison.Ordinal))
            .ToList();
        Assert.True(stray.Count == 0, $"{name}: endpoint /api fuori da Apis/: {string.Join(", ", stray)}");
        Assert.False(Directory.Exists(Path.Combine(module.Folder, "Endpoints")), $"{name}: la cartella Endpoints/ si chiama Apis/.");
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Keeps_entities_in_Model_and_contexts_in_Data(string name)
    {
        var module = Module(name);
        var contexts = DbContextOwnershipTests.LoadableTypes(module.Assembly)
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var misplaced = new List<string>();
        foreach (var context in contexts)
        {
            if (context.Namespace != $"{name}.Data") misplaced.Add($"{context.Name} (contesto) in {context.Namespace}");
            var entities = context.GetProperties()
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
                .Select(p => p.PropertyType.GetGenericArguments()[0]);
            misplaced.AddRange(entities.Where(e => e.Assembly == module.Assembly && e.Namespace != $"{name}.Model")
                .Select(e => $"{e.Name} (entità) in {e.Namespace}"));
        }
        Assert.True(misplaced.Count == 0, $"{name}: {string.Join(", ", misplaced.Distinct())}");
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Keeps_options_classes_in_options_files(string name)
    {
        var module = Module(name);
        var wrong = new List<string>();
        foreach (var file in module.Sources)
        {
            foreach (Match m in OptionsClass().Matches(File.ReadAllText(file)))
            {
                // An options class (or a sub-section of one) lives in an options file, never inside a service.
                if (!Path.GetFileNameWithoutExtension(file).EndsWith("Options", StringComparison.Ordinal)) wrong.Add($"{m.Groups[1].Value} in {module.Relative(file)}");
            }
        }
        Assert.True(wrong.Count == 0, $"{name}: classi di opzioni fuori dal proprio file: {string.Join(", ", wrong)}");
    }

    [GeneratedRegex(@"\.Map(Get|Post|Put|Delete|Patch|Group)\(\s*""/api/", RegexOptions.CultureInvariant)]
    private static partial Regex MapsApi();

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:sealed\s+)?(?:partial\s+)?(?:class|record)\s+(\w+Options)\b", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OptionsClass();
}

/// <summary>Pages every module renders on the bootstrap-italia themes.</summary>
public partial class PageMarkupTests
{
    [Fact]
    public void Every_input_field_says_its_type()
    {
        // bootstrap-italia styles text fields by their type: without one, the field is invisible and only its label shows.
        var untyped = Directory.EnumerateFiles(Path.Combine(ModuleTree.Root, "src"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => InputTag().Matches(File.ReadAllText(f)).Where(m => !m.Value.Contains("type=", StringComparison.Ordinal))
                .Select(m => $"{Path.GetRelativePath(ModuleTree.Root, f)}: {m.Value}"))
            .ToList();
        Assert.True(untyped.Count == 0, "Campi senza type:\n" + string.Join("\n", untyped));
    }

    [GeneratedRegex(@"<input\s[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();
}
