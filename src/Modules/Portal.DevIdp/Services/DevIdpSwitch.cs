namespace Portal.DevIdp.Services;

/// <summary>Whether the test IdP is served: only in Development, and only when Portal:DevIdp:Enabled is true.</summary>
public sealed record DevIdpSwitch(bool Enabled);
