namespace Portal.DevIdp.Model;

/// <summary>An AuthnRequest whose signature and fields were checked, kept (data-protected) while the developer picks a person.</summary>
public sealed record ReceivedAuthnRequest(
    string Kind,
    string Id,
    string SpEntityId,
    string AcsUrl,
    int Level,
    string? RelayState,
    string ServiceName,
    DateTimeOffset ReceivedUtc);
