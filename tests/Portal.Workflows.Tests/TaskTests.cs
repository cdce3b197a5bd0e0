using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Outbox;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Testing;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Tests;

public class TaskTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private static readonly Guid Owner = Guid.NewGuid();

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await read() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }

    private async Task<WorkflowInstanceView> SendAsync(params string[] tasks)
    {
        var instance = await portal.StartAsync(TestWorkflows.Pratica(TestWorkflows.Code("attivita"), inviaTasks: tasks), Owner);
        var sent = await portal.FireAsync(instance.Id, "invia", TestWorkflows.Person(Owner, PortalRoles.Cittadino));
        Assert.True(sent.Succeeded, sent.Error);
        return sent.Instance!;
    }

    [Fact]
    public async Task A_protocolled_submission_gets_its_number_then_a_receipt_showing_it_and_the_owner_a_notification()
    {
        var instance = await SendAsync("assegnaProtocollo", "generaRicevuta", "notifica:pratica-inviata");
        await portal.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();

        var receipt = await EventuallyAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<IReceipts>()
            .FindAsync(TestWorkflows.SubjectType, instance.SubjectId)), "Ricevuta non emessa.");
        var protocol = await portal.InScopeAsync(sp => sp.GetRequiredService<IProtocolRegister>().FindAsync(TestWorkflows.SubjectType, instance.SubjectId));
        Assert.NotNull(protocol);
        Assert.Equal(protocol.Segnatura, receipt.Segnatura);
        Assert.Matches(@"^ARM-\d{4}-\d{7}$", receipt.Segnatura);

        var notifications = portal.Services.GetRequiredService<RecordingNotifications>();
        var sent = await EventuallyAsync(() => Task.FromResult(notifications.Sent.FirstOrDefault(n => n.Values["pratica"].Contains(instance.SubjectId[..6], StringComparison.Ordinal))), "Notifica non inviata.");
        Assert.Equal(("pratica-inviata", Owner), (sent.Template, sent.PersonId));
        Assert.Equal("Inviata", sent.Values["stato"]);
        Assert.StartsWith("wf:", sent.IdempotencyKey, StringComparison.Ordinal);
        Assert.EndsWith(":notifica:pratica-inviata", sent.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handling_a_task_message_again_does_not_repeat_its_effect()
    {
        var instance = await SendAsync("assegnaProtocollo", "generaRicevuta");
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        await processor.RunOnceAsync();
        var first = await EventuallyAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<IReceipts>()
            .FindAsync(TestWorkflows.SubjectType, instance.SubjectId)), "Ricevuta non emessa.");

        // A crash after the effect but before the message is marked done hands the same messages over again.
        var entries = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking()
            .Where(o => o.Payload.Contains(instance.SubjectId)).ToListAsync());
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            await portal.InScopeAsync(async sp =>
            {
                var handler = sp.GetServices<IOutboxHandler>().Single(h => h.Kind == entry.Kind);
                await handler.HandleAsync(new OutboxMessage(entry.Id, entry.Kind, entry.Payload, entry.IdempotencyKey, 2, entry.EnqueuedUtc), default);
                return 0;
            });
        }

        await portal.InScopeAsync(async sp =>
        {
            var protocol = sp.GetRequiredService<Portal.Protocol.Data.ProtocolDbContext>();
            Assert.Equal(1, await protocol.Entries.CountAsync(p => p.SubjectId == instance.SubjectId));
            var receipt = Assert.Single(await protocol.Receipts.Where(r => r.SubjectId == instance.SubjectId).ToListAsync());
            Assert.Equal(first.Code, receipt.Code);
            return 0;
        });
    }

    [Fact]
    public async Task The_citizen_sends_the_demo_request_from_the_page_and_gets_protocol_and_receipt_while_others_cannot_act_on_it()
    {
        var (subjectId, instanceId) = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.WorkflowsDbContext>();
            var request = await db.RichiesteDiProva.SingleAsync(r => r.Oggetto == "Iscrizione al servizio di prova");
            return (request.Id.ToString(), (await db.Instances.SingleAsync(i => i.SubjectId == request.Id.ToString())).Id);
        });
        var citizen = await portal.LoginAsync(Portal.Testing.Demo.Cittadino, "Cittadino");
        var page = await citizen.GetStringAsync("/richieste-di-prova");
        Assert.Contains("Iscrizione al servizio di prova", page, StringComparison.Ordinal);
        Assert.Contains("Avvio: Bozza il ", page, StringComparison.Ordinal);
        var revision = System.Text.RegularExpressions.Regex.Match(page,
            $"name=\"istanza\" value=\"{instanceId}\" />\\s*<input type=\"hidden\" name=\"transizione\" value=\"invia\" />\\s*<input type=\"hidden\" name=\"revisione\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(revision);

        // Someone else (logged in as a citizen) cannot send it, nor see it.
        var other = await portal.LoginAsync(Portal.Testing.Demo.OperatoreAncona, "Cittadino");
        Assert.DoesNotContain("Iscrizione al servizio di prova", await other.GetStringAsync("/richieste-di-prova"), StringComparison.Ordinal);
        var token = await Portal.Testing.PortalClient.TokenAsync(other, "/richieste-di-prova");
        var refused = await other.PostAsync("/richieste-di-prova?handler=Esegui", Portal.Testing.PortalClient.Form(token,
            ("istanza", instanceId.ToString()), ("transizione", "invia"), ("revisione", revision)));
        // Another's request does not exist for them: nothing of its state is told.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Bozza", await other.GetStringAsync("/richieste-di-prova"), StringComparison.Ordinal);

        token = await Portal.Testing.PortalClient.TokenAsync(citizen, "/richieste-di-prova");
        var sent = await citizen.PostAsync("/richieste-di-prova?handler=Esegui", Portal.Testing.PortalClient.Form(token,
            ("istanza", instanceId.ToString()), ("transizione", "invia"), ("revisione", revision)));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Fatto: la richiesta ora è «Inviata»", await citizen.GetStringAsync("/richieste-di-prova"), StringComparison.Ordinal);

        await portal.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();
        var receipt = await EventuallyAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<IReceipts>()
            .FindAsync(RichiestaDiProva.SubjectType, subjectId)), "Ricevuta della richiesta di prova non emessa.");
        Assert.Equal("Ricevuta di invio – Richiesta di prova", receipt.Title);
        Assert.Contains($"Protocollo {receipt.Segnatura}", await citizen.GetStringAsync("/richieste-di-prova"), StringComparison.Ordinal);

        // Sending the same form again (stale revision) is refused with the conflict message.
        await citizen.PostAsync("/richieste-di-prova?handler=Esegui", Portal.Testing.PortalClient.Form(token,
            ("istanza", instanceId.ToString()), ("transizione", "invia"), ("revisione", revision)));
        Assert.Contains("modificata da qualcun altro", await citizen.GetStringAsync("/richieste-di-prova"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_demo_request_needs_an_oggetto()
    {
        var citizen = await portal.LoginAsync(Portal.Testing.Demo.Cittadino, "Cittadino");
        var token = await Portal.Testing.PortalClient.TokenAsync(citizen, "/richieste-di-prova");
        var response = await citizen.PostAsync("/richieste-di-prova?handler=Nuova", Portal.Testing.PortalClient.Form(token, ("Oggetto", "  "), ("Consenso", "true")));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"oggetto-errore\" role=\"alert\">Indicare l&#x27;oggetto della richiesta.", page, StringComparison.Ordinal);

        var created = await citizen.PostAsync("/richieste-di-prova?handler=Nuova", Portal.Testing.PortalClient.Form(token, ("Oggetto", "Seconda richiesta"), ("Consenso", "true")));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Seconda richiesta", await citizen.GetStringAsync("/richieste-di-prova"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_guard_blocks_sending_without_the_privacy_consent()
    {
        var instanceId = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.WorkflowsDbContext>();
            var request = await db.RichiesteDiProva.SingleAsync(r => r.Oggetto == "Richiesta ancora in bozza");
            return (await db.Instances.SingleAsync(i => i.SubjectId == request.Id.ToString())).Id;
        });
        var personId = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Persons.Where(p => p.CodiceFiscale == Portal.Testing.Demo.Cittadino).Select(p => p.Id).SingleAsync());
        var result = await portal.FireAsync(instanceId, "invia", TestWorkflows.Person(personId, PortalRoles.Cittadino));
        Assert.Equal(WorkflowFailure.GuardFailed, result.Failure);
        Assert.Equal(Demo.ConsensoPrivacyGuard.Message, result.Error);
    }
}
