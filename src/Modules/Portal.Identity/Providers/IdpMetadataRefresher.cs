using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Identity.Saml;

namespace Portal.Identity.Providers;

/// <summary>Loads IdP metadata and the SP key at start, then refreshes URL metadata periodically.</summary>
public sealed class IdpMetadataRefresher(IdpRegistry registry, SpCredentials credentials, IOptions<IdentityOptions> options,
    TimeProvider clock, ILogger<IdpMetadataRefresher> logger) : IHostedService, IDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await registry.RefreshAsync(cancellationToken);
        if (options.Value.Providers.Count > 0)
            await credentials.GetAsync(cancellationToken); // fails the start in Production without a certificate
        if (!registry.HasUrlSources) return;
        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.MetadataRefreshMinutes));
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, ct);
                await registry.RefreshAsync(ct);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception e) { logger.LogError(e, "SAML metadata refresh failed."); }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    // The test host may stop the service after disposing it: a disposed source is forgotten, not cancelled.
    public void Dispose()
    {
        _stop?.Dispose();
        _stop = null;
    }
}
