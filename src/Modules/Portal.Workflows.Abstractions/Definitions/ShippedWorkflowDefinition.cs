using System.Reflection;

namespace Portal.Workflows.Definitions;

/// <summary>
/// A workflow definition a module ships in its own folder (<c>Workflows/&lt;file&gt;.json</c>, an embedded resource of its assembly),
/// registered with <see cref="Engine.WorkflowServiceCollectionExtensions.AddWorkflowDefinitionFile"/> and applied by the recipe
/// step <c>{ "step": "workflows", "files": ["Portal.Graduatorie:invio-elenco-borse.json"] }</c> (or <c>"shipped": true</c> for all).
/// </summary>
public sealed record ShippedWorkflowDefinition(Assembly Assembly, string FileName)
{
    /// <summary>The module (assembly) name, e.g. "Portal.Graduatorie".</summary>
    public string Module => Assembly.GetName().Name ?? "";

    /// <summary>How a recipe names it: "Portal.Graduatorie:invio-elenco-borse.json".</summary>
    public string Key => $"{Module}:{FileName}";

    /// <summary>The file's text, read from the embedded resource "…Workflows.&lt;file name&gt;".</summary>
    /// <exception cref="InvalidOperationException">The assembly does not embed the file.</exception>
    public string ReadJson()
    {
        var suffix = ".Workflows." + FileName;
        var name = Assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"Il modulo {Module} non contiene il flusso Workflows/{FileName} (manca <EmbeddedResource Include=\"Workflows\\*.json\" /> nel progetto?).");
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
