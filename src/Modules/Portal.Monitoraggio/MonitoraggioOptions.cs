namespace Portal.Monitoraggio;

/// <summary>Configuration section Portal:Monitoraggio.</summary>
public sealed class MonitoraggioOptions
{
    public const string Section = "Portal:Monitoraggio";

    /// <summary>Largest feed accepted (the format allows up to 200 MB and 1,000,000 lines).</summary>
    public long MaxFileBytes { get; set; } = 210L * 1024 * 1024;

    /// <summary>An ente whose last accepted feed is older than this is flagged "in ritardo".</summary>
    public int GiorniRitardo { get; set; } = 30;

    /// <summary>Lines between two progress updates of a feed being processed.</summary>
    public int ProgressEvery { get; set; } = 5000;
}
