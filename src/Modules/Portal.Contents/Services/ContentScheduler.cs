using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Contents.Services;

/// <summary>Runs scheduled publishing and withdrawal. Safe with several nodes (see <see cref="ContentScheduleRunner"/>).</summary>
internal sealed class ContentScheduler(IServiceScopeFactory scopes, IOptions<ContentsOptions> options, ILogger<ContentScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SchedulerSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await scope.ServiceProvider.GetRequiredService<ContentScheduleRunner>().RunDueSchedulesAsync(stoppingToken);
                if (done > 0) logger.LogInformation("Programmazione contenuti: {Count} contenuti pubblicati o ritirati", done);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Programmazione contenuti non riuscita; nuovo tentativo al prossimo giro");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
