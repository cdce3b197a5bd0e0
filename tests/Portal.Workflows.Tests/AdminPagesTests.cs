using System.Net;
using DemoPeople = Portal.Testing.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Testing;
using Portal.Workflows.Data;
using Portal.Workflows.Model;

namespace Portal.Workflows.Tests;

/// <summary>The admin pages on the demo workflow "richiesta-di-prova" (a copy per test, so edits do not interfere).</summary>
public class AdminPagesTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private async Task<string> CopyOfDemoAsync()
    {
        var code = TestWorkflows.Code("copia");
        await portal.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<Definitions.DefinitionStore>();
            var demo = Definitions.DefinitionStore.Parse((await store.LatestStoredAsync("richiesta-di-prova"))!.Json);
            return await store.SaveAsync(demo with { Code = code }, "test");
        });
        return code;
    }

    private static async Task<HttpResponseMessage> PostEditAsync(HttpClient client, string code, params (string, string)[] changes)
    {
        var token = await PortalClient.TokenAsync(client, $"/admin/flussi/{code}/modifica");
        var page = await client.GetStringAsync($"/admin/flussi/{code}/modifica");
        // Post the form as shown, with the given fields changed.
        var fields = System.Text.RegularExpressions.Regex.Matches(page, "name=\"(Input[^\"]+)\"[^>]*value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (k, v) in changes) fields[k] = v;
        return await client.PostAsync($"/admin/flussi/{code}/modifica", PortalClient.Form(token, fields.Select(f => (f.Key, f.Value)).ToArray()));
    }

    [Fact]
    public async Task Only_who_holds_Workflows_Manage_sees_the_admin_pages()
    {
        var citizen = await portal.LoginAsync(DemoPeople.Cittadino, "Cittadino");
        var editor = await portal.LoginAsync(DemoPeople.Editor, "Editor");
        foreach (var client in new[] { citizen, editor })
        {
            var response = await client.GetAsync("/admin/flussi/richiesta-di-prova");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
        var admin = await portal.LoginAsync(DemoPeople.Amministratore, "Amministratore");
        var list = await admin.GetStringAsync("/admin/flussi");
        Assert.Contains("Richiesta di prova", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_definition_page_carries_the_diagram_data_with_live_counts_and_a_table_alternative()
    {
        var admin = await portal.LoginAsync(DemoPeople.Amministratore, "Amministratore");
        var page = await admin.GetStringAsync("/admin/flussi/richiesta-di-prova");
        Assert.Contains("id=\"diagramma-dati\"", page, StringComparison.Ordinal);
        Assert.Contains("workflow-diagram.js", page, StringComparison.Ordinal);
        Assert.Matches("\"code\":\"bozza\",\"label\":\"Bozza\",\"terminal\":false,\"count\":[2-9]", page);
        Assert.Contains("<th scope=\"row\">In attesa di integrazione</th>", page, StringComparison.Ordinal);
        Assert.Contains("nello stato «In attesa di integrazione» dopo 10 giorni", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/_content/Portal.Workflows/workflow-diagram.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/flussi/non-esiste")).StatusCode);
    }

    [Fact]
    public async Task Changing_a_timer_duration_saves_a_new_version_shown_in_the_history_and_audited()
    {
        var code = await CopyOfDemoAsync();
        var admin = await portal.LoginAsync(DemoPeople.Amministratore, "Amministratore");

        var response = await PostEditAsync(admin, code, ("Input.Timers[0].Days", "15"), ("Input.Transitions[0].Label", "Invia la domanda"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await admin.GetStringAsync($"/admin/flussi/{code}/versioni");
        Assert.Contains("Salvata la versione 2.", history, StringComparison.Ordinal);
        Assert.Contains("dopo 10 giorni → dopo 15 giorni", history, StringComparison.Ordinal);
        Assert.Contains("etichetta «Invia la richiesta» → «Invia la domanda»", history, StringComparison.Ordinal);
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit
            .AnyAsync(a => a.Action == "Workflows.DefinizioneSalvata" && a.Subject == $"{code} v2" && a.ActorName != "sistema")));
    }

    [Fact]
    public async Task Wrong_entries_are_refused_with_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var code = await CopyOfDemoAsync();
        var admin = await portal.LoginAsync(DemoPeople.Amministratore, "Amministratore");

        var response = await PostEditAsync(admin, code,
            ("Input.Timers[0].Days", "dieci"),
            ("Input.States[1]", " "),
            ("Input.Transitions[1].Allowed", "Workflows.Manage, Capo.Supremo"),
            ("Input.Transitions[5].Allowed", "Workflows.Manage"),
            ("Input.Transitions[0].Notifiche", "Richiesta Inviata"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La definizione non è stata salvata: correggere i campi indicati.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"campo-Input-Timers-0-Days-errore\" role=\"alert\">I giorni devono essere un numero intero da 0 a 3650.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"campo-Input-States-1-errore\" role=\"alert\">Indicare l&#x27;etichetta dello stato.", page, StringComparison.Ordinal);
        Assert.Contains("«Capo.Supremo» non è un permesso esistente", page, StringComparison.Ordinal);
        Assert.Contains("deve restare eseguibile da «sistema»", page, StringComparison.Ordinal);
        Assert.Contains("«Richiesta Inviata» non è un codice di modello valido", page, StringComparison.Ordinal);
        Assert.Equal(1, await portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Definitions.CountAsync(d => d.Code == code)));
    }

    [Fact]
    public async Task An_edit_based_on_an_older_version_is_refused()
    {
        var code = await CopyOfDemoAsync();
        var admin = await portal.LoginAsync(DemoPeople.Amministratore, "Amministratore");
        var response = await PostEditAsync(admin, code, ("Input.Version", "0"), ("Input.Timers[0].Days", "20"));
        Assert.Contains("modificata da qualcun altro", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Definitions.CountAsync(d => d.Code == code)));
    }

    [Fact]
    public async Task The_instance_page_shows_its_history()
    {
        var instanceId = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowsDbContext>();
            var request = await db.RichiesteDiProva.SingleAsync(r => r.Oggetto == "Richiesta ancora in bozza");
            return (await db.Instances.SingleAsync(i => i.SubjectId == request.Id.ToString())).Id;
        });
        var admin = await portal.LoginAsync(DemoPeople.Amministratore, "Amministratore");
        var page = await admin.GetStringAsync($"/admin/flussi/pratiche/{instanceId}");
        Assert.Contains("<th scope=\"row\">Avvio</th>", page, StringComparison.Ordinal);
        Assert.Contains("oggetto: Richiesta ancora in bozza", page, StringComparison.Ordinal);
        Assert.Contains("consensoPrivacy: no", page, StringComparison.Ordinal);
        Assert.Contains("<td>annulla</td>", page, StringComparison.Ordinal);
        Assert.Contains("in attesa", page, StringComparison.Ordinal);
    }
}
