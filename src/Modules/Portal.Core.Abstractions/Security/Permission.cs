namespace Portal.Core.Security;

/// <summary>A permission a module declares; grants to roles are data (recipe, admin).</summary>
public sealed record Permission(string Name, string Description);
