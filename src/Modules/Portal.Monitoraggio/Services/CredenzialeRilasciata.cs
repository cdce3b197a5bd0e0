namespace Portal.Monitoraggio.Services;

/// <summary>A credential just issued, with the token that is shown this once and never again.</summary>
public sealed record CredenzialeRilasciata(CredenzialeApi Credenziale, string Token);
