using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Demo;

internal sealed class RichiestaDiProvaSubject(WorkflowsDbContext db, IPeople people) : IWorkflowSubjectProvider
{
    public string SubjectType => RichiestaDiProva.SubjectType;

    public IReadOnlyList<string> Instants => [];

    public async Task<WorkflowSubjectInfo?> DescribeAsync(string subjectId, CancellationToken ct)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        var request = await db.RichiesteDiProva.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var person = await people.FindAsync(request.PersonId, ct);
        var snapshot = new Dictionary<string, string?>
        {
            ["oggetto"] = request.Oggetto,
            ["consensoPrivacy"] = request.ConsensoPrivacy ? "sì" : "no",
        };
        var receipt = person is null ? null : new WorkflowReceiptInfo("Ricevuta di invio – Richiesta di prova", person.FullName, person.CodiceFiscale,
            person.Id, [("Oggetto", request.Oggetto), ("Creata il", RomeTime.Format(request.CreatedUtc))], []);
        return new WorkflowSubjectInfo($"Richiesta di prova «{request.Oggetto}»", snapshot, new Dictionary<string, DateTime?>(), receipt);
    }
}
