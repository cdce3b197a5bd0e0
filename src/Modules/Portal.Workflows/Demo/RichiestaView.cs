using Portal.Core.Receipts;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Demo;

public sealed record RichiestaView(RichiestaDiProva Richiesta, WorkflowInstanceView? Instance, IReadOnlyList<WorkflowHistoryView> History, Receipt? Receipt);
