using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Model;
using Portal.Core.Security;

namespace Portal.Bonus.Tests;

/// <summary>
/// The Funzionario's page of the cancellation requests (/admin/bonus/annullamenti): it lists the request with the
/// applicant's reason, refuses a cancellation without a reason (message next to the field, nothing written), cancels
/// with one (AnnullataSuRichiesta, audited, the household's CFs freed); a citizen is refused the page and its form.
/// </summary>
[Collection(BonusCollection.Name)]
public sealed class OfficePageTests(BonusPortal portal)
{
    private const string Page = "/admin/bonus/annullamenti";

    [Fact]
    public async Task The_Funzionario_cancels_a_requested_application_from_the_office_page()
    {
        var bando = await portal.BandoIdAsync();
        var c = await portal.CitizenAsync(cognome: "Ferretti", nome: "Gianna");
        var (id, _, _) = await c.CompleteDraftAsync(bando);
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(id)).StatusCode);
        var asked = await c.Client.PostAsJsonAsync($"/api/v1/bonus/domande/{id}/richiesta-annullamento", new { motivo = "Ho indicato il dispositivo sbagliato" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.True(await portal.InBonusAsync(db => db.NucleiInvio.AnyAsync(n => n.DomandaId == id)));

        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var html = await funzionario.GetStringAsync(Page);
        Assert.Contains("Ferretti Gianna", html);
        Assert.Contains("Ho indicato il dispositivo sbagliato", html);
        Assert.Contains("Annulla la domanda di Ferretti Gianna", html);

        var token = await PortalClient.TokenAsync(funzionario, Page);
        var auditBefore = await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.domanda.annullata"));
        var empty = await funzionario.PostAsync(Page + "?handler=Annulla", PortalClient.Form(token, ("id", id.ToString()), ("motivo", "  ")));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var body = await empty.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"motivo-{id:N}-errore\"", body);
        Assert.Contains("Indica il motivo dell&#x27;annullamento (al massimo 1.000 caratteri).", body);
        Assert.Equal(StatoDomanda.Inviata, await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));
        Assert.Equal(auditBefore, await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.domanda.annullata")));

        var unknown = await funzionario.PostAsync(Page + "?handler=Annulla", PortalClient.Form(token, ("id", Guid.NewGuid().ToString()), ("motivo", "Prova")));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var noToken = await funzionario.PostAsync(Page + "?handler=Annulla", new FormUrlEncodedContent([new("id", id.ToString()), new("motivo", "Senza token")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(StatoDomanda.Inviata, await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));

        var done = await funzionario.PostAsync(Page + "?handler=Annulla", PortalClient.Form(token, ("id", id.ToString()), ("motivo", "Su richiesta della richiedente")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var row = await portal.InBonusAsync(db => db.Domande.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(StatoDomanda.AnnullataSuRichiesta, row.Stato);
        Assert.Equal("Su richiesta della richiedente", row.AnnullamentoMotivo);
        var audit = await portal.InAuditAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "bonus.domanda.annullata").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(auditBefore + 1, await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.domanda.annullata")));
        Assert.Contains(id.ToString(), audit.Subject);
        Assert.False(await portal.InBonusAsync(db => db.NucleiInvio.AnyAsync(n => n.DomandaId == id)));
        var after = await funzionario.GetStringAsync(Page);
        Assert.Contains("annullata su richiesta: il richiedente può presentarne una nuova", after);
        Assert.DoesNotContain("Annulla la domanda di Ferretti Gianna", after);
        Assert.Contains("Su richiesta della richiedente", after);

        // Again on the cancelled one: refused in words, nothing written.
        var again = await funzionario.PostAsync(Page + "?handler=Annulla", PortalClient.Form(token, ("id", id.ToString()), ("motivo", "Di nuovo")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(auditBefore + 1, await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.domanda.annullata")));

        // A citizen gets neither the page nor its form.
        Assert.NotEqual(HttpStatusCode.OK, (await c.Client.GetAsync(Page)).StatusCode);
        var neighbour = await portal.CitizenAsync();
        var (other, _, _) = await neighbour.CompleteDraftAsync(bando);
        Assert.Equal(HttpStatusCode.OK, (await neighbour.SendAsync(other)).StatusCode);
        var citizenToken = await PortalClient.TokenAsync(c.Client, "/bonus");
        var refused = await c.Client.PostAsync(Page + "?handler=Annulla", PortalClient.Form(citizenToken, ("id", other.ToString()), ("motivo", "Provo io")));
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)refused.StatusCode}");
        Assert.Equal(StatoDomanda.Inviata, await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == other).Select(d => d.Stato).SingleAsync()));
    }
}
