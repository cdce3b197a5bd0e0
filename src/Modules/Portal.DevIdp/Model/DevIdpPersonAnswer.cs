namespace Portal.DevIdp.Model;

/// <summary>Who the IdP certifies in its assertion.</summary>
public sealed record DevIdpPersonAnswer(string CodiceFiscale, string Nome, string Cognome, string? Email, int Level);
