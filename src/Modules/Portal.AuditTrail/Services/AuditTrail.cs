using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Portal.AuditTrail.Data;
using Portal.AuditTrail.Model;
using Portal.Core.Audit;
using Portal.Core.Security;

namespace Portal.AuditTrail.Services;

internal sealed class AuditTrail(AuditTrailDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditTrail
{
    public async Task RecordAsync(string action, string? subject, string? details, Person? actor = null, string? actorRole = null)
    {
        var user = http.HttpContext?.User;
        db.Audit.Add(new AuditEntry
        {
            Utc = clock.GetUtcNow().UtcDateTime,
            Action = action,
            Subject = subject,
            Details = details,
            ActorId = actor?.Id ?? user?.GetPersonId(),
            ActorName = actor?.FullName ?? user?.Identity?.Name ?? "sistema",
            ActorRole = actorRole ?? user?.FindFirstValue(PortalClaims.Role),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
    }
}
