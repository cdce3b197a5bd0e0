namespace Portal.Bonus.Workflow;

/// <summary>
/// The codes of the "domanda-bonus" workflow (Workflows/domanda-bonus.json, applied by recipes/setup.recipe.json) for the
/// C# code; a test fails when a constant here and the file differ. Parts 2 and 3 fire the istruttoria and funding transitions.
/// </summary>
public static class DomandaWorkflow
{
    public const string DefinitionCode = "domanda-bonus";
    public const string DefinitionFile = "domanda-bonus.json";

    public static class Transitions
    {
        public const string Invia = "invia";
        public const string AnnullaSuRichiesta = "annulla-su-richiesta";
    }

    private static readonly Dictionary<string, StatoDomanda> States = new(StringComparer.Ordinal)
    {
        ["bozza"] = StatoDomanda.Bozza,
        ["inviata"] = StatoDomanda.Inviata,
        ["integrazione-richiesta"] = StatoDomanda.IntegrazioneRichiesta,
        ["ammissibile"] = StatoDomanda.Ammissibile,
        ["non-ammissibile"] = StatoDomanda.NonAmmissibile,
        ["finanziata"] = StatoDomanda.Finanziata,
        ["ammessa-non-finanziata"] = StatoDomanda.AmmessaNonFinanziata,
        ["saldo-richiesto"] = StatoDomanda.SaldoRichiesto,
        ["liquidata"] = StatoDomanda.Liquidata,
        ["decaduta"] = StatoDomanda.Decaduta,
        ["rinunciata"] = StatoDomanda.Rinunciata,
        ["annullata-su-richiesta"] = StatoDomanda.AnnullataSuRichiesta,
        ["revocata"] = StatoDomanda.Revocata,
    };

    public static IReadOnlyDictionary<string, StatoDomanda> StateCodes => States;

    public static StatoDomanda? StatoOf(string state) => States.TryGetValue(state, out var s) ? s : null;

    public static string Label(StatoDomanda s) => s switch
    {
        StatoDomanda.Bozza => "Bozza",
        StatoDomanda.Inviata => "Inviata",
        StatoDomanda.IntegrazioneRichiesta => "Integrazione richiesta",
        StatoDomanda.Ammissibile => "Ammissibile",
        StatoDomanda.NonAmmissibile => "Non ammissibile",
        StatoDomanda.Finanziata => "Finanziata",
        StatoDomanda.AmmessaNonFinanziata => "Ammessa non finanziata",
        StatoDomanda.SaldoRichiesto => "Saldo richiesto",
        StatoDomanda.Liquidata => "Liquidata",
        StatoDomanda.Decaduta => "Decaduta",
        StatoDomanda.Rinunciata => "Rinunciata",
        StatoDomanda.AnnullataSuRichiesta => "Annullata su richiesta",
        _ => "Revocata",
    };
}
