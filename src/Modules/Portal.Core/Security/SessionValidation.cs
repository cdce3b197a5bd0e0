using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Security;

public sealed class SessionOptions
{
    public const string Section = "Portal:Session";

    /// <summary>Minutes without requests after which the session ends.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Hours after login after which the session ends whatever the activity.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 8;

    /// <summary>Allow the cookie on plain http (development and loopback tests only).</summary>
    public bool AllowHttp { get; set; }
}

/// <summary>Ends sessions past the absolute timeout and sessions whose active role was revoked.</summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        if (user is null) return;
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SessionOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        if (!long.TryParse(user.FindFirst(PortalClaims.LoginAt)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var loginAt)
            || clock.GetUtcNow().ToUnixTimeSeconds() - loginAt > options.AbsoluteTimeoutHours * 3600L)
        {
            context.RejectPrincipal();
            return;
        }
        var role = user.GetActiveRole();
        var personId = user.GetPersonId();
        if (personId is null) { context.RejectPrincipal(); return; }
        var db = services.GetRequiredService<CoreDbContext>();
        var stillValid = role is null or PortalRoles.Cittadino
            ? await db.Persons.AnyAsync(p => p.Id == personId)
            : await db.RoleAssignments.AnyAsync(a => a.PersonId == personId && a.RoleName == role && a.RevokedUtc == null);
        if (!stillValid) context.RejectPrincipal();
    }
}
