using System.Text.Json.Nodes;

namespace Portal.Testing;

/// <summary>
/// A host built from a few modules has no manifest of its static files (the host project writes one for
/// itself at build time). This one is written from the manifests each module and theme leaves in the test's
/// output, each placed under /_content/{assembly}/, as the host serves them.
/// </summary>
internal static class StaticWebAssetsManifest
{
    public static string? WriteMerged()
    {
        var manifests = Directory.GetFiles(AppContext.BaseDirectory, "Portal.*.staticwebassets.runtime.json");
        if (manifests.Length == 0) return null;
        var roots = new JsonArray();
        var content = new JsonObject();
        foreach (var file in manifests.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)[..^".staticwebassets.runtime.json".Length];
            var manifest = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var offset = roots.Count;
            foreach (var root in manifest["ContentRoots"]!.AsArray()) roots.Add(root!.GetValue<string>());
            var node = manifest["Root"]!.DeepClone();
            Shift(node, offset);
            content[name] = node;
        }
        var merged = new JsonObject
        {
            ["ContentRoots"] = roots,
            ["Root"] = new JsonObject
            {
                ["Children"] = new JsonObject { ["_content"] = new JsonObject { ["Children"] = content, ["Asset"] = null, ["Patterns"] = null } },
                ["Asset"] = null,
                ["Patterns"] = null,
            },
        };
        var path = Path.Combine(Path.GetTempPath(), $"portal-tests-{Environment.ProcessId}.staticwebassets.runtime.json");
        File.WriteAllText(path, merged.ToJsonString());
        return path;
    }

    private static void Shift(JsonNode? node, int offset)
    {
        if (node is not JsonObject o) return;
        if (o["Asset"] is JsonObject asset) asset["ContentRootIndex"] = asset["ContentRootIndex"]!.GetValue<int>() + offset;
        if (o["Patterns"] is JsonArray patterns)
            foreach (var p in patterns.OfType<JsonObject>()) p["ContentRootIndex"] = p["ContentRootIndex"]!.GetValue<int>() + offset;
        if (o["Children"] is JsonObject children)
            foreach (var (_, child) in children) Shift(child, offset);
    }
}
