using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Outbox;

namespace Portal.Testing;

/// <summary>The outbox run by the test, as a node's dispatcher would (for hosts started with the dispatcher off).</summary>
public static class PortalOutbox
{
    /// <summary>
    /// Runs the dispatcher until a pass handles nothing: a receipt follows its protocol number, a notification its
    /// receipt, and a surge takes many batches. Messages due later (retries) stay for later.
    /// </summary>
    public static async Task<int> DrainOutboxAsync(this PortalFactory portal, int maxPasses = 1000)
    {
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        var handled = 0;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var n = await processor.RunOnceAsync();
            if (n == 0) break;
            handled += n;
        }
        return handled;
    }
}
