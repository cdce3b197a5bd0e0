namespace Portal.Graduatorie.Services;

/// <summary>The protocol and receipt of an accepted upload, once the outbox has assigned them.</summary>
public sealed record InvioRicevuta(string? Segnatura, DateTime? ProtocolUtc, string ReceiptCode);
