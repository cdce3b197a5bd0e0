namespace Portal.Core.Contracts;

/// <summary>A way to log in offered on the "Accedi" page (SPID, CIE, Cohesion, development login...).</summary>
public sealed record LoginMethod(string Key, string Label, string Url, string Description, int Order = 100);

/// <summary>Whether the development login ("Accesso di prova") is available in this environment.</summary>
public sealed record DevLoginSwitch(bool Enabled);
