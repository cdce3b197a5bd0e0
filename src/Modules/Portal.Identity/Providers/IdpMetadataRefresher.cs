using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Identity.Saml;

namespace Portal.Identity.Providers;

/// <summary>Loads IdP metadata and the SP key at start, then refreshes URL metadata periodically.</summary>
public sealed class IdpMetadataRefresher(IdpRegistry registry, SpCredentials credentials, IOptions<IdentityOptions> options,
    TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<IdpMetadataRefresher> logger) : IHostedService, IDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Metadata the portal serves itself is read once the server listens (below), not now.
        await registry.RefreshAsync(includeOwn: false, cancellationToken);
        if (options.Value.Providers.Count > 0)
            await credentials.GetAsync(cancellationToken); // fails the start in Production without a certificate
        if (!registry.HasUrlSources) return;
        _stop = new CancellationTokenSource();
        if (!registry.HasOwnSources)
        {
            _loop = LoopAsync(_stop.Token);
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        _loop = LoopAsync(_stop.Token, started.Task);
    }

    private async Task LoopAsync(CancellationToken ct, Task? firstLoadAfter = null)
    {
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.MetadataRefreshMinutes));
        if (firstLoadAfter is not null)
        {
            try
            {
                await firstLoadAfter.WaitAsync(ct);
                await registry.RefreshAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogError(e, "SAML metadata load after the start failed."); }
        }
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, ct);
                await registry.RefreshAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
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
