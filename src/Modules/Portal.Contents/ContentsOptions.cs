namespace Portal.Contents;

/// <summary>Settings of the Contents module ("Portal:Contents" in the configuration).</summary>
public sealed class ContentsOptions
{
    public const string Section = "Portal:Contents";

    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
    public int MaxAttachments { get; set; } = 20;
    public int SchedulerSeconds { get; set; } = 20;
}
