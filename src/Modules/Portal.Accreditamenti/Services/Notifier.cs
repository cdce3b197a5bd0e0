using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;

namespace Portal.Accreditamenti.Services;

/// <summary>Sends through INotifications when a module implements it; without it the portal still works (the audit keeps the record).</summary>
public sealed class Notifier(IServiceProvider services)
{
    public async Task SendAsync(string template, Guid personId, string idempotencyKey, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var notifications = services.GetService<INotifications>();
        if (notifications is null) return;
        await notifications.EnqueueAsync(new NotificationRequest(template, personId, null, values, idempotencyKey), ct);
    }
}
