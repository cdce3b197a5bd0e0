namespace Portal.Did.Workflows;

/// <summary>The codes of Workflows/did.json, the one place they are decided, and the mapping to <see cref="StatoDid"/>.</summary>
public static class DidWorkflow
{
    public const string DefinitionFile = "did.json";
    public const string Code = "did";

    public const string FissaColloquio = "fissa-colloquio";
    public const string Conferma = "conferma";
    public const string Giustifica = "giustifica";
    public const string NonPresentato = "non-presentato";
    public const string Revoca = "revoca";

    public const string InstantScadenzaAppuntamento = "scadenzaAppuntamento";
    public const string InstantScadenzaColloquio = "scadenzaColloquio";

    public static StatoDid? StatoOf(string? state) => state switch
    {
        "inviata" => StatoDid.Inviata,
        "colloquio-fissato" => StatoDid.ColloquioFissato,
        "confermata" => StatoDid.Confermata,
        "decaduta" => StatoDid.Decaduta,
        "revocata" => StatoDid.Revocata,
        _ => null,
    };

    public static string Label(StatoDid stato) => stato switch
    {
        StatoDid.Inviata => "Inviata",
        StatoDid.ColloquioFissato => "Colloquio fissato",
        StatoDid.Confermata => "Confermata",
        StatoDid.Decaduta => "Decaduta",
        StatoDid.Revocata => "Revocata",
        _ => stato.ToString(),
    };

    public static bool IsPending(StatoDid stato) => stato is StatoDid.Inviata or StatoDid.ColloquioFissato;
}
