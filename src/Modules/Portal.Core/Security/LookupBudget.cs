using System.Security.Claims;
using System.Threading.RateLimiting;
using Portal.Core.Errors;

namespace Portal.Core.Security;

/// <summary>
/// How many checks that look into other people's data a person may run per hour (e.g. a list's dry run telling
/// which other Comune lists a student), whichever way they come: the API and the page spend the same budget.
/// Per node, as the rate limits are (<see cref="RateLimits"/>): two nodes allow the sum of their budgets.
/// </summary>
public sealed class LookupBudget : IDisposable
{
    public const string Exhausted = "Hai eseguito troppe verifiche in poco tempo: riprova tra qualche minuto.";

    private readonly PartitionedRateLimiter<string> _limiter;

    internal LookupBudget(int perHour) =>
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    /// <exception cref="PortalException">TooManyRequests, when the person's budget for this hour is spent.</exception>
    public void Spend(ClaimsPrincipal user)
    {
        var key = user.GetPersonId()?.ToString() ?? "anonimo";
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired) throw PortalException.TooManyRequests(Exhausted);
    }

    public void Dispose() => _limiter.Dispose();
}
