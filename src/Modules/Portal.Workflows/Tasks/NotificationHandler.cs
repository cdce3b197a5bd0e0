using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tasks;

/// <summary>Passes the message's key on to INotifications, which sends each key once.</summary>
internal sealed class NotificationHandler(IServiceProvider services, ILogger<NotificationHandler> logger) : IOutboxHandler
{
    public string Kind => NotificationTask.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = Payload.Read<NotificationPayload>(message.Payload);
        // Resolved when needed: the notifications module is optional. Without it there is nobody to hand the
        // notification to, and retrying would not change that.
        var notifications = services.GetService<INotifications>();
        if (notifications is null)
        {
            logger.LogWarning("Notifica «{Template}» ({Key}) non inviata: il modulo delle notifiche non è installato", payload.Template, message.IdempotencyKey);
            return;
        }
        await notifications.EnqueueAsync(new NotificationRequest(payload.Template, payload.PersonId, null, payload.Values, message.IdempotencyKey), ct);
    }
}
