using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Core.Outbox;

/// <summary>Runs <see cref="OutboxProcessor"/> on every node; at start it catches up with what was left pending.</summary>
internal sealed class OutboxDispatcher(OutboxProcessor processor, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds)));
        do
        {
            try
            {
                // Drain: keep going while a round does work, so a surge is not slowed down by the poll interval.
                while (await processor.RunOnceAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Coda delle operazioni non elaborata; nuovo tentativo al prossimo giro");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
