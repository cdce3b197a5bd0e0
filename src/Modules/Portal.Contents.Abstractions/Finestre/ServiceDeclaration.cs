namespace Portal.Contents.Contracts;

/// <summary>
/// A service opened by Avvisi (e.g. "Graduatorie"): the code editors write in the Avviso's "Servizio" field and the
/// parameters its windows carry ("chiave=valore" lines of the Finestra's "Parametri"). Owned by the service module.
/// </summary>
public sealed record ServiceDeclaration(string Code, IReadOnlyList<FinestraParameter> Parameters);
