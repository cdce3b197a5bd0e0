namespace Portal.Monitoraggio.Services;

/// <summary>The credential a bearer token belongs to, or why it is refused (the message is the problem details' text).</summary>
public sealed record EsitoToken(CredenzialeApi? Credenziale, string? Rifiuto);
