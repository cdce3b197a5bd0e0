using Portal.Core.Settings;
using Portal.Core.Contracts;
using Portal.Core.Time;

namespace Portal.Did.Services;

/// <summary>The DID's notifications (e-mail and in-portal message) sent by the services, with what the workflow's own task does not know: the appointment.</summary>
public sealed class DidNotifier(INotifications notifications, CpiDirectory cpi, IPublicAddress publicAddress, TimeProvider clock)
{
    public async Task NotifyAsync(Dichiarazione d, string template, string key, IReadOnlyDictionary<string, string>? extra = null, CancellationToken ct = default)
    {
        var values = new Dictionary<string, string>
        {
            // The placeholders the workflow's notifications carry, so one template serves both.
            ["pratica"] = $"D.I.D. inviata il {RomeTime.Format(d.SentUtc)}",
            ["data"] = RomeTime.Format(clock.GetUtcNow().UtcDateTime),
            ["nome"] = d.Nome,
            ["cpi"] = await cpi.NameAsync(d.CpiCode, ct),
            ["indirizzo"] = publicAddress.Link($"/did/{d.Id}"),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) values[k] = v;
        await notifications.EnqueueAsync(new NotificationRequest(template, d.PersonId, null, values, key), ct);
    }
}
