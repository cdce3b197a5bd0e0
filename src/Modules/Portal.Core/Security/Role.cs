namespace Portal.Core.Security;

public sealed class Role
{
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public string? Description { get; set; }
    public List<RolePermission> Permissions { get; set; } = [];
}

public sealed class RolePermission
{
    public required string RoleName { get; set; }
    public required string PermissionName { get; set; }
}
