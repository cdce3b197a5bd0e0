using System.Security.Claims;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Graduatorie.Services;

/// <summary>Who may touch a Comune's uploads: its accredited operators (scope) upload; they and the Funzionari (ViewAll) read.</summary>
public sealed class InvioAccess(IPermissionService permissions)
{
    public static void RequireUpload(ClaimsPrincipal user, string comuneIstat)
    {
        if (!user.HasScope(ScopeTypes.Comune, comuneIstat))
            throw PortalException.Forbidden($"Non si è operatori accreditati per il Comune {comuneIstat}.");
    }

    public async Task RequireReadAsync(ClaimsPrincipal user, string comuneIstat)
    {
        if (user.HasScope(ScopeTypes.Comune, comuneIstat)) return;
        if (await permissions.HasPermissionAsync(user, GraduatoriePermissions.ViewAll.Name)) return;
        throw PortalException.Forbidden($"Non si è autorizzati a consultare gli invii del Comune {comuneIstat}.");
    }
}
