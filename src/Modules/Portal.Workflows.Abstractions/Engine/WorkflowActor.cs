using System.Security.Claims;
using Portal.Core.Security;

namespace Portal.Workflows.Engine;

/// <summary>Who fires a transition: a signed-in person (with the active role's claims) or the engine ("sistema").</summary>
public sealed record WorkflowActor(Guid? PersonId, string Name, string? Role, ClaimsPrincipal? User)
{
    public static readonly WorkflowActor System = new(null, Definitions.Actors.System, null, null);

    public bool IsSystem => User is null;

    /// <summary>The signed-in user as actor; the name is <see cref="PortalClaims.ActorName"/>, the one actor name of the portal.</summary>
    public static WorkflowActor From(ClaimsPrincipal user) =>
        new(user.GetPersonId(), user.ActorName(), user.GetActiveRole(), user);
}
