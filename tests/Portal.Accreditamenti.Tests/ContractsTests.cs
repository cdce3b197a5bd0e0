using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Services;
using Portal.Core.Contracts;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>The module with Portal.Anagrafica's and Portal.Notifications' contracts present.</summary>
public class ContractsTests(ContractsPortalFactory portal) : IClassFixture<ContractsPortalFactory>
{
    [Fact]
    public async Task Without_a_saved_anagrafica_the_request_is_refused_and_the_form_hidden()
    {
        var (id, cf) = await portal.NewPersonAsync();
        var client = await portal.LoginAsync(cf);
        Assert.Contains("salva i tuoi dati anagrafici", WebUtility.HtmlDecode(await client.GetStringAsync("/accreditamenti")));
        var r = await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "042002" } });
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("salva i tuoi dati anagrafici", await r.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.Requests.CountAsync(x => x.PersonId == id)));

        portal.Anagrafica.Complete[id] = true;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "042002" } })).StatusCode);
    }

    [Fact]
    public async Task Approval_rejection_and_revocation_notify_the_person_with_italian_values()
    {
        var (id, cf) = await portal.NewPersonAsync("Nadia", "Avvisata");
        portal.Anagrafica.Complete[id] = true;
        var client = await portal.LoginAsync(cf);
        var created = await (await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "042002", "041044" } })).Content.ReadFromJsonAsync<JsonElement>();
        var ancona = created.EnumerateArray().Single(r => r.GetProperty("comune").GetString() == "042002").GetProperty("id").GetGuid();
        var pesaro = created.EnumerateArray().Single(r => r.GetProperty("comune").GetString() == "041044").GetProperty("id").GetGuid();
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{ancona}/approva", new { });
        await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{pesaro}/respingi", new { motivo = "Comune non di competenza" });
        await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{ancona}/revoca", new { motivo = "Fine incarico" });

        var mine = portal.Notifications.Sent.Where(n => n.PersonId == id).ToList();
        Assert.Equal(new[] { NotificationTemplates.Approved, NotificationTemplates.Rejected, NotificationTemplates.Revoked }, mine.Select(n => n.Template));
        Assert.Equal("Ancona", mine[0].Values["comune"]);
        Assert.Equal("Nadia Avvisata", mine[0].Values["nome"]);
        Assert.Equal(("Pesaro", "Comune non di competenza"), (mine[1].Values["comune"], mine[1].Values["motivo"]));
        Assert.Equal("Fine incarico", mine[2].Values["motivo"]);
        Assert.Equal(3, mine.Select(n => n.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task Every_template_the_module_uses_is_registered_with_an_italian_subject_and_body_using_known_placeholders()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetServices<NotificationTemplateDefault>().ToDictionary(t => t.Code);
        foreach (var code in new[] { NotificationTemplates.Approved, NotificationTemplates.Rejected, NotificationTemplates.Revoked, NotificationTemplates.Enabled, NotificationTemplates.Disabled })
        {
            var t = templates[code];
            Assert.StartsWith("Gentile {nome}", t.Body);
            Assert.DoesNotMatch(@"\{(?!nome|comune|motivo|data|ruolo|ambito)[a-z]+\}", t.Subject + t.Body);
        }
    }

    [Fact]
    public async Task Enabling_and_disabling_an_operator_notifies_them()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var cf = TestPeople.NewCodiceFiscale();
        var created = await admin.PostAsJsonAsync("/api/v1/admin/abilitazioni", new
        {
            tipo = "Cpi", ambito = "CPI-ANCONA", nome = "Tea", cognome = "Avvisata", codiceFiscale = cf, email = "tea@cpi.example", richiestoDa = "CPI", motivo = "Richiesta",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"/api/v1/admin/abilitazioni/{id}/disabilita", new { motivo = "Fine incarico" });
        var personId = await portal.WithCoreAsync(db => db.Persons.Where(p => p.CodiceFiscale == cf).Select(p => p.Id).SingleAsync());
        var mine = portal.Notifications.Sent.Where(n => n.PersonId == personId).ToList();
        Assert.Equal(new[] { NotificationTemplates.Enabled, NotificationTemplates.Disabled }, mine.Select(n => n.Template));
        Assert.Equal(" (CPI-ANCONA)", mine[0].Values["ambito"]);
    }
}
