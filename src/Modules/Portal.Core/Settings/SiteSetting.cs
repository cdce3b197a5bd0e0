namespace Portal.Core.Settings;

public sealed class SiteSetting
{
    public required string Key { get; set; }
    public string? Value { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
