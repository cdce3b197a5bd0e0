using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Services;

/// <summary>How the person acting is written in the records ("Paolo Neri (NREPLA70B10G479X)").</summary>
public static class Actor
{
    public static string Describe(ClaimsPrincipal user)
    {
        var cf = user.FindFirstValue(PortalClaims.CodiceFiscale);
        var name = user.Identity?.Name ?? "sconosciuto";
        return cf is null ? name : $"{name} ({cf})";
    }
}
