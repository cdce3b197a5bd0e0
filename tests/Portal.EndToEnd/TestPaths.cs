using Portal.Testing;

namespace Portal.EndToEnd;

/// <summary>Where the end-to-end walks find axe-core and keep their artifacts.</summary>
public static class TestPaths
{
    public static string ProjectDir => Path.Combine(RepoPaths.Root, "tests", "Portal.EndToEnd");

    public static string AxeScript => Path.Combine(ProjectDir, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Screenshots and other files worth keeping from a run.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(RepoPaths.Root, "artifacts", "e2e");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
