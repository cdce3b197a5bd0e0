using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>
/// A portal where the optional contracts other modules implement are present: an Anagrafica status
/// (complete only for the people the test marks) and a notifications sink that records what it is asked to send.
/// </summary>
public sealed class ContractsPortalFactory : PortalFactory
{
    public RecordingNotifications Notifications { get; } = new();
    public ListedAnagraficaStatus Anagrafica { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<INotifications>(Notifications);
            s.AddSingleton<IAnagraficaStatus>(Anagrafica);
        });
    }
}

public sealed class RecordingNotifications : INotifications
{
    public ConcurrentQueue<NotificationRequest> Sent { get; } = new();

    public Task EnqueueAsync(NotificationRequest request, CancellationToken ct = default)
    {
        Sent.Enqueue(request);
        return Task.CompletedTask;
    }
}

public sealed class ListedAnagraficaStatus : IAnagraficaStatus
{
    public ConcurrentDictionary<Guid, bool> Complete { get; } = new();

    public Task<bool> IsCompleteAsync(Guid personId, CancellationToken ct = default) => Task.FromResult(Complete.ContainsKey(personId));
}
