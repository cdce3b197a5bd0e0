using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Did.Model;
using Portal.Notifications.Data;
using Portal.Workflows.Data;

namespace Portal.Did.Tests;

/// <summary>The "did" workflow: receipt, appointment, outcome, justified reason, revoke, the two timers, the audit of each transition.</summary>
// Its own portal: these tests move the clock and run every due timer.
public sealed class WorkflowTests(DidPortal portal) : IClassFixture<DidPortal>
{
    private static string Future(DidPortal portal, int days) =>
        RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime.AddDays(days)).ToString("dd/MM/yyyy HH:mm", RomeTime.Italian);

    private async Task<List<(string? Transition, string To, string Actor)>> HistoryAsync(Guid didId)
    {
        var subject = didId.ToString();
        return await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkflowsDbContext>();
            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.SubjectType == Dichiarazione.SubjectType && i.SubjectId == subject);
            var rows = (await db.History.AsNoTracking().Where(h => h.InstanceId == instance.Id).ToListAsync()).OrderBy(h => h.Utc).ToList();
            // The test clock stands still between steps: rows of one instant are put in the order their states chain.
            var ordered = new List<Portal.Workflows.Model.WorkflowHistoryEntry>();
            var state = (string?)null;
            while (rows.Count > 0)
            {
                var next = rows.FirstOrDefault(h => h.FromState == state && (ordered.Count > 0 || h.Transition is null)) ?? rows[0];
                ordered.Add(next);
                rows.Remove(next);
                state = next.ToState;
            }
            return ordered.Select(h => (h.Transition, h.ToState, h.ActorName)).ToList();
        });
    }

    private Task<StatoDid> StatoAsync(Guid id) => portal.WithDidAsync(db => db.Dichiarazioni.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync());

    [Fact]
    public async Task The_receipt_holds_protocol_date_deadline_and_every_declaration_as_sent_and_the_person_is_notified()
    {
        var (client, personId, cf) = await portal.CitizenAsync("Elena", "Ricevuta");
        var response = await DidPortal.SendAsync(client, new Dictionary<string, bool>(DidPortal.AllDeclared()) { ["disabileOccupazione"] = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await DidPortal.JsonAsync(response)).GetProperty("dichiarazione").GetProperty("id").GetGuid();
        var early = await client.GetAsync($"/api/v1/did/dichiarazioni/{id}/ricevuta");
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Contains("non è ancora disponibile", await early.Content.ReadAsStringAsync());

        await portal.DrainOutboxAsync();
        var pdf = await client.GetAsync($"/api/v1/did/dichiarazioni/{id}/ricevuta");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfToText.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        var did = await portal.WithDidAsync(db => db.Dichiarazioni.SingleAsync(d => d.Id == id));
        var segnatura = await portal.WithProtocolAsync(db => db.Entries.Where(p => p.SubjectId == id.ToString()).Select(p => p.Aoo + "-" + p.Year + "-" + p.Number.ToString().PadLeft(7, '0')).SingleAsync());
        Assert.Contains(segnatura, text);
        Assert.Contains(cf, text);
        Assert.Contains(RomeTime.Format(did.SentUtc), text);
        Assert.Contains($"entro il {RomeTime.Format(did.SentUtc.AddDays(5))}", text);
        foreach (var voce in Dichiarazioni.Voci(5))
            Assert.Contains(voce.Testo, text);
        Assert.Contains("[ ] non dichiarato: " + Dichiarazioni.Voci(5).Single(v => v.Codice == Dichiarazioni.DisabileSostegno).Testo, text);
        Assert.Contains(Dichiarazioni.AvvisoInps, text);

        var mails = await portal.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Mails.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync());
        var sent = Assert.Single(mails, m => m.TemplateCode == "did-inviata");
        Assert.Contains(RomeTime.Format(did.ScadenzaAppuntamentoUtc), sent.Body);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/did/dichiarazioni");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(segnatura, item.GetProperty("protocollo").GetString());
        Assert.Equal("inviata", item.GetProperty("stato").GetString());
        Assert.Contains($"/api/v1/did/dichiarazioni/{id}/ricevuta", await client.GetStringAsync("/did"));
    }

    [Fact]
    public async Task Appointment_then_interview_confirms_the_did_and_the_person_becomes_unemployed_from_the_did_date()
    {
        var (client, _, cf) = await portal.CitizenAsync();
        var id = await DidPortal.SendOkAsync(client);
        var op = await portal.OperatorAsync("CPI-ANCONA");

        var bad = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{id}/colloquio", new { dataOra = "31/02/2026 10:00", luogo = "Sede" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await DidPortal.JsonAsync(bad)).GetProperty("errors").TryGetProperty("dataOra", out _));
        Assert.Equal(StatoDid.Inviata, await StatoAsync(id));

        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var ok = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{id}/colloquio", new { dataOra = Future(portal, 2), luogo = "Via Giannelli 36, Ancona" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(StatoDid.ColloquioFissato, await StatoAsync(id));
        portal.Clock.Advance(TimeSpan.FromMinutes(5)); // history rows are ordered by instant
        var esito = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{id}/esito", new { esito = "svolto" });
        Assert.Equal(HttpStatusCode.OK, esito.StatusCode);
        Assert.Equal(StatoDid.Confermata, await StatoAsync(id));

        var did = await portal.WithDidAsync(db => db.Dichiarazioni.SingleAsync(d => d.Id == id));
        var s = await client.GetFromJsonAsync<JsonElement>("/api/v1/did/situazione");
        Assert.Equal($"In stato di disoccupazione dal {RomeTime.FormatDate(did.SentUtc)}", s.GetProperty("descrizione").GetString());
        Assert.False(s.GetProperty("puoInviareDid").GetBoolean());
        var page = await client.GetStringAsync($"/did/{id}");
        Assert.Contains("Confermata", page);
        Assert.Contains("Appuntamento per il primo colloquio registrato", page);

        var history = await HistoryAsync(id);
        Assert.Equal([null, "fissa-colloquio", "conferma"], history.Select(h => h.Transition));
        Assert.Equal("Operatore Cpi", history[1].Actor);
        Assert.Equal(1, await portal.WithAuditAsync(db => db.Audit.CountAsync(a => a.Action == "did.esito" && a.Subject == $"{Dichiarazione.SubjectType}:{id}")));

        var condizione = await portal.InScopeAsync(sp => sp.GetRequiredService<ICondizioneOccupazionale>().OnDateAsync(cf, DateOnly.FromDateTime(RomeTime.ToRome(did.SentUtc))));
        Assert.Equal(StatoOccupazionale.Disoccupato, condizione.Stato);
        Assert.Equal(DateOnly.FromDateTime(RomeTime.ToRome(did.SentUtc)), condizione.Dal);
        Assert.Contains("confermata dal Centro per l'Impiego di Ancona", condizione.Fonte);
    }

    [Fact]
    public async Task Revoke_only_while_inviata()
    {
        var (client, _, _) = await portal.CitizenAsync();
        var id = await DidPortal.SendOkAsync(client);
        var revoke = await DidPortal.PostFormAsync(client, $"/did/{id}", $"/did/{id}?handler=Revoca");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(StatoDid.Revocata, await StatoAsync(id));
        var again = await client.PostAsync($"/api/v1/did/dichiarazioni/{id}/revoca", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("solo finché è nello stato «Inviata»", await again.Content.ReadAsStringAsync());

        // After a revoke a new DID may be sent; once the appointment is fixed it cannot be revoked.
        var second = await DidPortal.SendOkAsync(client);
        var op = await portal.OperatorAsync("CPI-ANCONA");
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{second}/colloquio", new { dataOra = Future(portal, 1), luogo = "Sede" })).StatusCode);
        var late = await client.PostAsync($"/api/v1/did/dichiarazioni/{second}/revoca", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(StatoDid.ColloquioFissato, await StatoAsync(second));
        Assert.DoesNotContain("data-testid=\"revoca\"", await client.GetStringAsync($"/did/{second}"));
    }

    [Fact]
    public async Task The_five_day_timer_lapses_a_did_once_across_two_hosts_and_not_one_with_an_appointment()
    {
        var (client, personId, lapsingCf) = await portal.CitizenAsync();
        var lapsing = await DidPortal.SendOkAsync(client);
        var (client2, _, _) = await portal.CitizenAsync();
        var kept = await DidPortal.SendOkAsync(client2);
        var op = await portal.OperatorAsync("CPI-ANCONA");
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{kept}/colloquio", new { dataOra = Future(portal, 10), luogo = "Sede" })).StatusCode);

        portal.Clock.Advance(TimeSpan.FromDays(4.9));
        await portal.RunTimersAsync();
        Assert.Equal(StatoDid.Inviata, await StatoAsync(lapsing));

        portal.Clock.Advance(TimeSpan.FromDays(0.2));
        var second = PortalFactoryOnSameDatabase();
        second.Clock.SetUtcNow(portal.Clock.GetUtcNow());
        var runner2 = second.Services.GetRequiredService<Portal.Workflows.Timers.WorkflowTimerRunner>();
        await Task.WhenAll(portal.RunTimersAsync(), runner2.RunDueAsync(default));
        Assert.Equal(StatoDid.Decaduta, await StatoAsync(lapsing));
        Assert.Single(await HistoryAsync(lapsing), h => h.Transition == "decadenza-appuntamento");
        Assert.Equal(StatoDid.ColloquioFissato, await StatoAsync(kept));
        await portal.DrainOutboxAsync();
        var mails = await portal.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Mails.AsNoTracking().Where(m => m.PersonId == personId && m.TemplateCode == "did-decaduta").CountAsync());
        Assert.Equal(1, mails);
        // A lapsed DID frees the person to send a new one (a new login: the old session has expired meanwhile).
        client = await portal.LoginAsync(lapsingCf);
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/v1/did/situazione")).GetProperty("puoInviareDid").GetBoolean());
    }

    /// <summary>A second node on the same database. Never disposed: disposing a factory drops its database, which the first node owns.</summary>
    private PortalFactory PortalFactoryOnSameDatabase()
    {
        var f = PortalFactory.Create(portal.Database, DidPortal.Settings);
        _ = f.Services;
        SecondNodes.Add(f);
        return f;
    }

    private static readonly List<PortalFactory> SecondNodes = [];

    [Fact]
    public async Task Without_an_outcome_by_appointment_plus_grace_the_did_lapses_unless_a_justified_reason_moves_the_appointment()
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        var (c1, _, _) = await portal.CitizenAsync();
        var lapsing = await DidPortal.SendOkAsync(c1);
        var (c2, _, _) = await portal.CitizenAsync();
        var justified = await DidPortal.SendOkAsync(c2);
        portal.Clock.Advance(TimeSpan.FromMinutes(1)); // the test clock stands still: each step at its own instant
        foreach (var id in new[] { lapsing, justified })
            Assert.Equal(HttpStatusCode.OK, (await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{id}/colloquio", new { dataOra = Future(portal, 1), luogo = "Sede" })).StatusCode);

        portal.Clock.Advance(TimeSpan.FromMinutes(5)); // history rows are ordered by instant
        var missing = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{justified}/giustificato-motivo", new { motivo = "", dataOra = Future(portal, 8), luogo = "Sede" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await DidPortal.JsonAsync(missing)).GetProperty("errors").TryGetProperty("motivo", out _));
        var ok = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{justified}/giustificato-motivo", new { motivo = "Ricovero ospedaliero documentato", dataOra = Future(portal, 8), luogo = "Sede, stanza 3" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        // Appointment (1 day) + grace (3 days) has passed: the first lapses, the moved one waits for its new date.
        portal.Clock.Advance(TimeSpan.FromDays(4.5));
        await portal.RunTimersAsync();
        Assert.Equal(StatoDid.Decaduta, await StatoAsync(lapsing));
        Assert.Single(await HistoryAsync(lapsing), h => h.Transition == "decadenza-colloquio");
        Assert.Equal(StatoDid.ColloquioFissato, await StatoAsync(justified));
        op = await portal.OperatorAsync("CPI-ANCONA");
        var detail = await (await op.GetAsync($"/api/v1/did/cpi/dichiarazioni/{justified}")).Content.ReadAsStringAsync();
        Assert.Contains("Ricovero ospedaliero documentato", detail);

        portal.Clock.Advance(TimeSpan.FromDays(7));
        await portal.RunTimersAsync();
        Assert.Equal(StatoDid.Decaduta, await StatoAsync(justified));
        Assert.Equal([null, "fissa-colloquio", "giustifica", "decadenza-colloquio"], (await HistoryAsync(justified)).Select(h => h.Transition));
    }

    [Fact]
    public async Task An_outcome_before_any_appointment_is_refused_in_italian()
    {
        var (client, _, _) = await portal.CitizenAsync();
        var id = await DidPortal.SendOkAsync(client);
        var op = await portal.OperatorAsync("CPI-ANCONA");
        var esito = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{id}/esito", new { esito = "svolto" });
        Assert.Equal(HttpStatusCode.Conflict, esito.StatusCode);
        Assert.Contains("solo quando il colloquio è fissato", await esito.Content.ReadAsStringAsync());
        var wrong = await op.PostAsJsonAsync($"/api/v1/did/cpi/dichiarazioni/{id}/esito", new { esito = "forse" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(StatoDid.Inviata, await StatoAsync(id));
    }
}
