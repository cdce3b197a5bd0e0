using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Notifications.Templates;

/// <summary>At start (after the migrations), stores the registered default templates that are missing.</summary>
internal sealed class TemplateDefaultsSync(IServiceScopeFactory scopes, ILogger<TemplateDefaultsSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inserted = await scope.ServiceProvider.GetRequiredService<TemplateStore>().SyncDefaultsAsync(cancellationToken);
        if (inserted > 0) logger.LogInformation("Modelli di notifica aggiunti: {Count}", inserted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
