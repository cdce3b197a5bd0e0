namespace Portal.Contents.Model;

/// <summary>Where an item stands on the public site.</summary>
public enum ContentStatus
{
    /// <summary>Never published (or a new item).</summary>
    Bozza,
    Pubblicato,
    Archiviato,
}
