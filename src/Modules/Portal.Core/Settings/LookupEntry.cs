namespace Portal.Core.Settings;

/// <summary>A coded value of a look-up table (stato civile, cittadinanza, titolo di studio...).</summary>
public sealed class LookupEntry
{
    public required string Table { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public int Order { get; set; }
}
