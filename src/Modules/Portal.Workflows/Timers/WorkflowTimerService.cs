using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Workflows.Timers;

/// <summary>Polls for due timers; the first look happens at start, so timers that fell due while the portal was down fire then.</summary>
internal sealed class WorkflowTimerService(WorkflowTimerRunner runner, IOptions<WorkflowsOptions> options, ILogger<WorkflowTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TimersEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimerSeconds)));
        do
        {
            try
            {
                var fired = await runner.RunDueAsync(stoppingToken);
                if (fired > 0) logger.LogInformation("Flussi di lavoro: {Count} timer eseguiti", fired);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Timer dei flussi di lavoro non eseguiti; nuovo tentativo al prossimo giro");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
