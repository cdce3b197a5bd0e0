using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Services;

/// <summary>How the person deciding is written in the requests and enablements: "Paolo Neri (NREPLA70B10G479X)".</summary>
public static class Actor
{
    public static string Describe(ClaimsPrincipal user)
    {
        var cf = user.FindFirstValue(PortalClaims.CodiceFiscale);
        var name = user.ActorName();
        return cf is null ? name : $"{name} ({cf})";
    }
}
