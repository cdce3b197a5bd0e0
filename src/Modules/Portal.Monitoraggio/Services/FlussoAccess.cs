using System.Security.Claims;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Monitoraggio.Services;

/// <summary>An OperatoreEnte acts only for the ente of their scope ("Ente:{code}"); a Funzionario with Reports reads every ente.</summary>
public sealed class FlussoAccess(IPermissionService permissions)
{
    /// <summary>The ente the operator acts for: the one asked for, which must be theirs, or their only one.</summary>
    public static string EnteOf(ClaimsPrincipal user, string? asked = null)
    {
        var enti = user.GetScopes(ScopeTypes.Ente);
        if (asked is { Length: > 0 })
            return enti.Contains(asked) ? asked : throw PortalException.Forbidden($"Non si è operatori abilitati dell'ente {asked}.");
        return enti.Count switch
        {
            1 => enti[0],
            0 => throw PortalException.Forbidden("Non si è operatori abilitati di alcun ente gestore."),
            _ => throw PortalException.Invalid("ente", $"Si è operatori di più enti ({string.Join(", ", enti)}): indicare l'ente per cui si opera."),
        };
    }

    public async Task RequireReadAsync(ClaimsPrincipal user, string enteCode)
    {
        if (user.HasScope(ScopeTypes.Ente, enteCode) && await permissions.HasPermissionAsync(user, MonitoraggioPermissions.Upload.Name)) return;
        if (await permissions.HasPermissionAsync(user, MonitoraggioPermissions.Reports.Name)) return;
        // Not "forbidden": another ente's feed does not exist for this caller.
        throw PortalException.NotFound("Flusso non trovato.");
    }

    public static void RequireWrite(ClaimsPrincipal user, string enteCode)
    {
        if (!user.HasScope(ScopeTypes.Ente, enteCode)) throw PortalException.NotFound("Flusso non trovato.");
    }
}
