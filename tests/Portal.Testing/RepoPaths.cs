namespace Portal.Testing;

public static class RepoPaths
{
    /// <summary>The repository root (the folder holding Portal.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string Recipes => Path.Combine(Root, "recipes");

    /// <summary>../shared next to the repository, when present (ISTAT data, SPID test cases).</summary>
    public static string? Shared =>
        Environment.GetEnvironmentVariable("PORTAL_SHARED_DIR") is { Length: > 0 } s && Directory.Exists(s) ? s
        : Directory.Exists(Path.Combine(Root, "..", "shared")) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : null;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Portal.sln non trovato risalendo da " + AppContext.BaseDirectory);
    }
}
