namespace Portal.Core.Security;

/// <summary>All the permissions declared by the composed modules.</summary>
public sealed class PermissionRegistry(IEnumerable<Permission> permissions)
{
    public IReadOnlyDictionary<string, Permission> ByName { get; } =
        permissions.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First());

    public bool Exists(string name) => ByName.ContainsKey(name);
}
