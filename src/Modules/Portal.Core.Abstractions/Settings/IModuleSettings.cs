namespace Portal.Core.Settings;

/// <summary>
/// A module's own settings, stored by key with the portal's settings (who changed them and when are kept). The module
/// owns its keys, their format and the page that edits them.
/// </summary>
public interface IModuleSettings
{
    Task<string?> GetAsync(string key, CancellationToken ct = default);

    Task SetAsync(string key, string value, string? by, CancellationToken ct = default);
}
