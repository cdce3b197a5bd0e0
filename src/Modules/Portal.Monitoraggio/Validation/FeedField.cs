namespace Portal.Monitoraggio.Validation;

/// <summary>One field of the feed layout: position, name, what it holds, its rule and an example value.</summary>
public sealed record FeedField(int Position, string Name, string Contenuto, string Regola, string Esempio);
