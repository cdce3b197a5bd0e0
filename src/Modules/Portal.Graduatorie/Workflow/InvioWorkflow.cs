using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Workflow;

/// <summary>
/// The codes of the "invio-elenco-borse" workflow, for the C# code. The definition itself is the file the module ships,
/// Workflows/invio-elenco-borse.json (applied by recipes/setup.recipe.json): that file decides the codes, and a test
/// (InvioWorkflowDefinitionTests) fails when a constant here and a state or transition there differ.
/// Its states mirror <see cref="StatoInvio"/>, plus "caricato", where every upload starts before the system files it by its outcome.
/// </summary>
public static class InvioWorkflow
{
    public const string DefinitionCode = "invio-elenco-borse";

    /// <summary>The shipped definition: Workflows/invio-elenco-borse.json, embedded in the module's assembly.</summary>
    public const string DefinitionFile = "invio-elenco-borse.json";

    public static class States
    {
        public const string Caricato = "caricato";
        public const string Respinto = "respinto";
        public const string InAttesaDiConferma = "in-attesa-di-conferma";
        public const string Valido = "valido";
        public const string Sostituito = "sostituito";
        public const string Annullato = "annullato";
    }

    public static class Transitions
    {
        public const string Respingi = "respingi";
        public const string Accetta = "accetta";
        public const string SegnalaAvvisi = "segnala-avvisi";
        public const string Conferma = "conferma";
        public const string Annulla = "annulla";
        public const string Scadenza = "scadenza";
        public const string Sostituisci = "sostituisci";
    }

    /// <summary>The Invio's own status for a workflow state; null for "caricato", which has none.</summary>
    public static StatoInvio? StatoOf(string state) => state switch
    {
        States.Respinto => StatoInvio.Respinto,
        States.InAttesaDiConferma => StatoInvio.InAttesaDiConferma,
        States.Valido => StatoInvio.Valido,
        States.Sostituito => StatoInvio.Sostituito,
        States.Annullato => StatoInvio.Annullato,
        _ => null,
    };
}
