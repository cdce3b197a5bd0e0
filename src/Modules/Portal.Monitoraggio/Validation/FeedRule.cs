namespace Portal.Monitoraggio.Validation;

/// <summary>A rule of the feed format: its code (in the error report), the field it checks, what it says.</summary>
/// <param name="Avviso">A warning: the feed can still be applied once the operator confirms.</param>
public sealed record FeedRule(string Code, string? Field, string Descrizione, bool Avviso = false);
