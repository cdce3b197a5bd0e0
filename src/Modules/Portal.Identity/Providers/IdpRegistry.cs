using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Identity.Providers;

/// <summary>The configured IdPs that parsed; one that fails is logged and skipped, never a crash.</summary>
/// <remarks>
/// A metadata source starting with <c>~/</c> is a path on the portal's own address (ServiceProvider:BaseUrl): an IdP the
/// portal serves itself, such as the development IdP. It can be read only once the server listens, so the first load
/// (<c>includeOwn: false</c>, at start) leaves it for the load after the start.
/// </remarks>
public sealed class IdpRegistry(IOptions<IdentityOptions> options, IHttpClientFactory http, ILogger<IdpRegistry> logger)
{
    private volatile IReadOnlyList<IdentityProvider> _providers = [];

    public IReadOnlyList<IdentityProvider> All => _providers;

    public IdentityProvider? Find(string key) => _providers.FirstOrDefault(p => p.Key == key);

    public bool HasUrlSources => options.Value.Providers.Any(p => IsUrl(p.Metadata) || IsOwn(p.Metadata));

    /// <summary>Whether some IdP's metadata is served by the portal itself (a <c>~/</c> source).</summary>
    public bool HasOwnSources => options.Value.Providers.Any(p => IsOwn(p.Metadata));

    public async Task RefreshAsync(CancellationToken ct = default) => await RefreshAsync(includeOwn: true, ct);

    public async Task RefreshAsync(bool includeOwn, CancellationToken ct = default)
    {
        var current = _providers.ToDictionary(p => p.Key);
        var loaded = new List<IdentityProvider>();
        foreach (var config in options.Value.Providers)
        {
            if (IsOwn(config.Metadata) && !includeOwn)
            {
                if (current.TryGetValue(config.Key, out var kept)) loaded.Add(kept);
                continue;
            }
            try
            {
                var xml = IsOwn(config.Metadata)
                    ? await http.CreateClient("saml-metadata").GetStringAsync(OwnUrl(config.Metadata), ct)
                    : IsUrl(config.Metadata)
                    ? await http.CreateClient("saml-metadata").GetStringAsync(new Uri(config.Metadata), ct)
                    : await File.ReadAllTextAsync(config.Metadata, ct);
                loaded.Add(IdpMetadataParser.Parse(config, xml));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // An IdP that does not answer, answers an error or serves bad metadata is the operator's matter, told in
                // one line with the reason; a timeout is not our cancellation and must not stop the other IdPs (or the start).
                if (e is HttpRequestException or TaskCanceledException or IOException or UnauthorizedAccessException or FormatException or XmlException
                    or System.Security.Cryptography.CryptographicException)
                    logger.LogError("SAML metadata of IdP {Key} ({Source}) could not be read ({Reason}); the IdP is skipped.",
                        config.Key, config.Metadata, Reason(e));
                else
                    logger.LogError(e, "SAML metadata of IdP {Key} ({Source}) could not be read; the IdP is skipped.", config.Key, config.Metadata);
                // Keep the last good copy of a URL source that failed to refresh.
                if (current.TryGetValue(config.Key, out var previous)) loaded.Add(previous);
            }
        }
        _providers = loaded;
    }

    private static string Reason(Exception e) =>
        e is TaskCanceledException { InnerException: TimeoutException } ? "no answer in time" : e.Message;

    private static bool IsOwn(string s) => s.StartsWith("~/", StringComparison.Ordinal);

    private Uri OwnUrl(string source) =>
        Uri.TryCreate(options.Value.ServiceProvider.Base + source[1..], UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new InvalidOperationException($"Metadata {source} on the portal's own address needs Portal:Identity:ServiceProvider:BaseUrl.");

    private static bool IsUrl(string s) =>
        s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
