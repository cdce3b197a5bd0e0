using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Contents.Services;

/// <summary>
/// Publishes and withdraws what editors scheduled (<see cref="ContentService.ScheduleAsync"/>), when it is due; run by
/// <see cref="ContentScheduler"/>. Each item is claimed by a conditional update inside its unit of work, so with
/// several nodes exactly one of them acts on it.
/// </summary>
public sealed class ContentScheduleRunner(ContentsDbContext db, IUnitOfWork unitOfWork, IAuditTrail audit, TimeProvider clock)
{
    public async Task<int> RunDueSchedulesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await RunDueAsync(
            db.Items.Where(i => i.PublishAtUtc != null && i.PublishAtUtc <= now).Select(i => new Due(i.Id, i.PublishAtUtc!.Value)),
            d => db.Items.Where(i => i.Id == d.Id && i.PublishAtUtc == d.At).ExecuteUpdateAsync(u => u.SetProperty(i => i.PublishAtUtc, (DateTime?)null), ct),
            async item =>
            {
                item.MarkPublished("pubblicazione programmata", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync("Contenuto.Pubblicato", ContentAudit.Subject(item), $"Versione {item.PublishedVersion} (programmata)");
            }, ct);
        var withdrawn = await RunDueAsync(
            db.Items.Where(i => i.UnpublishAtUtc != null && i.UnpublishAtUtc <= now).Select(i => new Due(i.Id, i.UnpublishAtUtc!.Value)),
            d => db.Items.Where(i => i.Id == d.Id && i.UnpublishAtUtc == d.At).ExecuteUpdateAsync(u => u.SetProperty(i => i.UnpublishAtUtc, (DateTime?)null), ct),
            async item =>
            {
                item.MarkWithdrawn("ritiro programmato", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync("Contenuto.Ritirato", ContentAudit.Subject(item), "Ritiro programmato");
            }, ct);
        return published + withdrawn;
    }

    private sealed record Due(Guid Id, DateTime At);

    /// <summary>For each due item: claim it (clear its instant if unchanged) and act, in one unit of work.</summary>
    private async Task<int> RunDueAsync(IQueryable<Due> due, Func<Due, Task<int>> claim, Func<ContentItem, Task> act, CancellationToken ct)
    {
        var done = 0;
        foreach (var d in await due.AsNoTracking().ToListAsync(ct))
        {
            await using var work = await unitOfWork.BeginAsync(ct);
            if (await claim(d) == 1)
            {
                await act(await db.Items.FirstAsync(i => i.Id == d.Id, ct));
                done++;
            }
            await work.CompleteAsync(ct);
            db.ChangeTracker.Clear();
        }
        return done;
    }
}
