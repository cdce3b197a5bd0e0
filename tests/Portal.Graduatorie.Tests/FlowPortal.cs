using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Notifications.Data;
using Portal.Testing;
using Portal.Workflows.Engine;
using Portal.Workflows.Timers;

namespace Portal.Graduatorie.Tests;

/// <summary>The portal with the outbox dispatcher and the timer poller off: the tests run them, so "not yet issued" is observable.</summary>
public sealed class FlowPortal() : PortalFactory(TestDatabase.Create(), new Dictionary<string, string?>
{
    ["Portal:Outbox:DispatcherEnabled"] = "false",
    ["Portal:Workflows:TimersEnabled"] = "false",
})
{
    public Task<int> RunTimersAsync() => Services.GetRequiredService<WorkflowTimerRunner>().RunDueAsync(default);

    /// <summary>A demo operator's session as the claims transformation builds it (real person: name and CF on the receipt).</summary>
    public Task<ClaimsPrincipal> OperatorAsync(string codiceFiscale, params string[] comuni) =>
        this.InScopeAsync(async sp =>
        {
            var person = await sp.GetRequiredService<CoreDbContext>().Persons.AsNoTracking().SingleAsync(p => p.CodiceFiscale == codiceFiscale);
            var claims = new List<Claim>
            {
                new(ClaimTypes.Name, person.FullName),
                new(PortalClaims.PersonId, person.Id.ToString()),
                new(PortalClaims.CodiceFiscale, person.CodiceFiscale),
                new(PortalClaims.Role, PortalRoles.OperatoreComune),
            };
            claims.AddRange(comuni.Select(c => new Claim(PortalClaims.Scope, $"{ScopeTypes.Comune}:{c}")));
            return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        });

    public Task<WorkflowInstanceView> InstanceAsync(Guid invioId) =>
        this.InScopeAsync(async sp => (await sp.GetRequiredService<IWorkflowEngine>().FindAsync(Model.Invio.SubjectType, invioId.ToString()))
            ?? throw new InvalidOperationException($"Nessun flusso per l'invio {invioId}."));

    public Task<IReadOnlyList<WorkflowHistoryView>> HistoryAsync(Guid invioId) =>
        this.InScopeAsync(async sp => await sp.GetRequiredService<IWorkflowEngine>().HistoryAsync((await InstanceAsync(invioId)).Id));

    /// <summary>The notifications logged for a person (mail log), oldest first.</summary>
    public Task<List<(string Template, string Subject, string Body)>> NotificationsAsync(Guid personId) =>
        this.InScopeAsync(async sp => (await sp.GetRequiredService<NotificationsDbContext>().Mails.AsNoTracking()
            .Where(m => m.PersonId == personId).ToListAsync())
            .OrderBy(m => m.CreatedUtc).Select(m => (m.TemplateCode, m.Subject, m.Body)).ToList());

}
