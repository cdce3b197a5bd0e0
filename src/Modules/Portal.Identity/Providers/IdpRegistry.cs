using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Identity.Providers;

/// <summary>The configured IdPs that parsed; one that fails is logged and skipped, never a crash.</summary>
public sealed class IdpRegistry(IOptions<IdentityOptions> options, IHttpClientFactory http, ILogger<IdpRegistry> logger)
{
    private volatile IReadOnlyList<IdentityProvider> _providers = [];

    public IReadOnlyList<IdentityProvider> All => _providers;

    public IdentityProvider? Find(string key) => _providers.FirstOrDefault(p => p.Key == key);

    public bool HasUrlSources => options.Value.Providers.Any(p => IsUrl(p.Metadata));

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var current = _providers.ToDictionary(p => p.Key);
        var loaded = new List<IdentityProvider>();
        foreach (var config in options.Value.Providers)
        {
            try
            {
                var xml = IsUrl(config.Metadata)
                    ? await http.CreateClient("saml-metadata").GetStringAsync(new Uri(config.Metadata), ct)
                    : await File.ReadAllTextAsync(config.Metadata, ct);
                loaded.Add(IdpMetadataParser.Parse(config, xml));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "SAML metadata of IdP {Key} ({Source}) could not be read; the IdP is skipped.", config.Key, config.Metadata);
                // Keep the last good copy of a URL source that failed to refresh.
                if (current.TryGetValue(config.Key, out var previous)) loaded.Add(previous);
            }
        }
        _providers = loaded;
    }

    private static bool IsUrl(string s) =>
        s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
