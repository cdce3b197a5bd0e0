namespace Portal.Core.Pages.Core;

/// <summary>Only local paths are followed after login (no open redirects).</summary>
public static class LocalUrl
{
    public static string? OrNull(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : null;
}
