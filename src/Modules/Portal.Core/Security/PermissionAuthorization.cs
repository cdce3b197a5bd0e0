using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Portal.Core.Security;

/// <summary>Policy names of the form "perm:{PermissionName}" require that permission for the active role.</summary>
public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public static string For(Permission permission) => Prefix + permission.Name;
}

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[PermissionPolicy.Prefix.Length..]))
                .Build();
        }
        return await base.GetPolicyAsync(policyName);
    }
}

internal sealed class PermissionHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission))
            context.Succeed(requirement);
    }
}
