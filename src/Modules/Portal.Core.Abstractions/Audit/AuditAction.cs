namespace Portal.Core.Audit;

/// <summary>
/// An action of the activity register: its stable code (what is stored and filtered on, e.g. "Contenuto.Salvato")
/// and the Italian words people read ("Contenuto salvato"). Each module declares its own in its registration class
/// (<c>PortalModule.AuditActions</c>), beside its permissions.
/// </summary>
public sealed record AuditAction(string Code, string Label);
