using Microsoft.EntityFrameworkCore;
using Portal.Notifications.Data;
using Portal.Notifications.Model;

namespace Portal.Notifications.Messages;

/// <summary>A person's own messages; every query is filtered by the person, so another's id is simply not found.</summary>
public sealed class MessageQueries(NotificationsDbContext db, TimeProvider clock)
{
    public Task<List<PortalMessage>> ListAsync(Guid personId, CancellationToken ct = default) =>
        db.Messages.AsNoTracking().Where(m => m.PersonId == personId)
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id).Take(500).ToListAsync(ct);

    public Task<int> UnreadCountAsync(Guid personId, CancellationToken ct = default) =>
        db.Messages.CountAsync(m => m.PersonId == personId && m.ReadUtc == null, ct);

    public Task<PortalMessage?> GetAsync(Guid personId, Guid id, CancellationToken ct = default) =>
        db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.PersonId == personId, ct);

    /// <summary>Marks the message read (the first reading time is kept); null when it is not the person's.</summary>
    public async Task<PortalMessage?> MarkReadAsync(Guid personId, Guid id, CancellationToken ct = default)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id && m.PersonId == personId, ct);
        if (message is null) return null;
        if (message.ReadUtc is null)
        {
            message.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return message;
    }
}
