namespace Portal.Notifications.Model;

/// <summary>
/// An e-mail/message template as stored: inserted once from a module's default, then owned by the
/// Amministratore (a later start never overwrites an edit).
/// </summary>
public sealed class NotificationTemplate
{
    public required string Code { get; set; }
    public required string Description { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>The placeholders the sending module supplies, comma-separated (from its default).</summary>
    public string Placeholders { get; set; } = "";
    /// <summary>Null while the text is still the module's default.</summary>
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Revision { get; set; }

    public IReadOnlyList<string> PlaceholderList =>
        Placeholders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
