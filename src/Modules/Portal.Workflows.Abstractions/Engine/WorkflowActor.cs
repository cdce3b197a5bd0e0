using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Workflows.Engine;

/// <summary>Who fires a transition: a signed-in person (with the active role's claims) or the engine ("sistema").</summary>
public sealed record WorkflowActor(Guid? PersonId, string Name, string? Role, ClaimsPrincipal? User)
{
    public static readonly WorkflowActor System = new(null, Definitions.Actors.System, null, null);

    public bool IsSystem => User is null;

    public static WorkflowActor From(ClaimsPrincipal user) =>
        new(user.GetPersonId(), user.Identity?.Name ?? user.FindFirstValue(PortalClaims.CodiceFiscale) ?? "utente", user.GetActiveRole(), user);
}
