using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Errors;

namespace Portal.Graduatorie.Services;

/// <summary>
/// Runs an operation that changes an upload or the Comune's valid list again when someone else changed them in between
/// (a failed write, a unique index, a workflow revision): at most <see cref="MaxAttempts"/> times, then a 409.
/// </summary>
internal static class RetryOnConflict
{
    public const int MaxAttempts = 4;

    /// <param name="reset">Forgets what the failed attempt tracked before the next one.</param>
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation, Action reset, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (Exception e) when (IsWriteConflict(e) && attempt < MaxAttempts)
            {
                reset();
                await Task.Delay(50 * attempt, ct);
            }
            catch (Busy e)
            {
                throw PortalException.Conflict(e.Message);
            }
        }
    }

    private static bool IsWriteConflict(Exception e) =>
        e is DbUpdateException or DbException or Busy || e.InnerException is DbException;

    /// <summary>A workflow firing lost a race (the instance's revision moved): the operation is retried.</summary>
    internal sealed class Busy(string message) : Exception(message);
}
