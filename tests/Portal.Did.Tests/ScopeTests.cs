using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Did.Model;

namespace Portal.Did.Tests;

/// <summary>Authorization is scoped: an operator of another CPI sees nothing, a citizen only their own DIDs.</summary>
[Collection(DidCollection.Name)]
public sealed class ScopeTests(DidPortal portal)
{
    [Fact]
    public async Task An_operator_of_another_cpi_gets_404_on_every_did_endpoint_and_page_and_an_empty_list()
    {
        var (client, _, cf) = await portal.CitizenAsync("Marta", "Scope");
        var id = await DidPortal.SendOkAsync(client);
        await portal.DrainOutboxAsync();
        var pesaro = await portal.OperatorAsync("CPI-PESARO");

        var list = await pesaro.GetFromJsonAsync<JsonElement>($"/api/v1/did/cpi/dichiarazioni?q={cf}");
        Assert.Equal(0, list.GetProperty("totale").GetInt32());
        Assert.DoesNotContain(cf, await pesaro.GetStringAsync("/cpi/did"));
        Assert.DoesNotContain(cf, await (await pesaro.GetAsync("/api/v1/did/cpi/dichiarazioni")).Content.ReadAsStringAsync());
        foreach (var url in new[] { $"/api/v1/did/cpi/dichiarazioni/{id}", $"/api/v1/did/cpi/dichiarazioni/{id}/ricevuta", $"/cpi/did/{id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await pesaro.GetAsync(url)).StatusCode);
        foreach (var (url, body) in new (string, object)[]
        {
            ($"/api/v1/did/cpi/dichiarazioni/{id}/colloquio", new { dataOra = "01/01/2099 10:00", luogo = "Pesaro" }),
            ($"/api/v1/did/cpi/dichiarazioni/{id}/esito", new { esito = "svolto" }),
            ($"/api/v1/did/cpi/dichiarazioni/{id}/giustificato-motivo", new { motivo = "x", dataOra = "01/01/2099 10:00", luogo = "Pesaro" }),
        })
            Assert.Equal(HttpStatusCode.NotFound, (await pesaro.PostAsJsonAsync(url, body)).StatusCode);
        var page = await DidPortal.PostFormAsync(pesaro, "/cpi/did", $"/cpi/did/{id}?handler=Colloquio", ("DataOra", "01/01/2099 10:00"), ("Luogo", "Pesaro"));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(StatoDid.Inviata, await portal.WithDidAsync(db => db.Dichiarazioni.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));

        // The citizen's own endpoints are not open to an operator's role at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await pesaro.GetAsync($"/api/v1/did/dichiarazioni/{id}")).StatusCode);

        // Ancona's operator sees and reads it.
        var ancona = await portal.OperatorAsync("CPI-ANCONA");
        var mine = await ancona.GetFromJsonAsync<JsonElement>($"/api/v1/did/cpi/dichiarazioni?q={cf}");
        Assert.Equal(1, mine.GetProperty("totale").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await ancona.GetAsync($"/api/v1/did/cpi/dichiarazioni/{id}/ricevuta")).StatusCode);
        Assert.Contains(cf, await ancona.GetStringAsync($"/cpi/did/{id}"));
    }

    [Fact]
    public async Task A_citizen_cannot_read_or_revoke_another_persons_did_by_changing_the_id()
    {
        var (owner, _, ownerCf) = await portal.CitizenAsync("Owner", "Uno");
        var id = await DidPortal.SendOkAsync(owner);
        await portal.DrainOutboxAsync();
        var (other, _, _) = await portal.CitizenAsync("Other", "Due");
        foreach (var url in new[] { $"/api/v1/did/dichiarazioni/{id}", $"/api/v1/did/dichiarazioni/{id}/ricevuta", $"/did/{id}" })
        {
            var r = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.DoesNotContain(ownerCf, await r.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/did/dichiarazioni/{id}/revoca", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DidPortal.PostFormAsync(other, "/did/nuova", $"/did/{id}?handler=Revoca")).StatusCode);
        Assert.DoesNotContain(ownerCf, await other.GetStringAsync("/api/v1/did/dichiarazioni"));
        Assert.Equal(StatoDid.Inviata, await portal.WithDidAsync(db => db.Dichiarazioni.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/did/dichiarazioni/{id}/ricevuta")).StatusCode);
        // The CPI endpoints are not open to the citizen role.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/v1/did/cpi/dichiarazioni")).StatusCode);
    }

    [Fact]
    public async Task The_cpi_list_filters_by_state_dates_and_name_pages_and_exports_to_excel()
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        // Demo recipe: the CPI di Ancona has a DID in each state.
        foreach (var stato in new[] { "inviata", "colloquio-fissato", "confermata", "decaduta", "revocata" })
        {
            var page = await op.GetFromJsonAsync<JsonElement>($"/api/v1/did/cpi/dichiarazioni?stato={stato}");
            Assert.True(page.GetProperty("totale").GetInt32() >= 1, stato);
            Assert.All(page.GetProperty("dichiarazioni").EnumerateArray(), d => Assert.Equal(stato, d.GetProperty("stato").GetString()));
        }
        var byName = await op.GetFromJsonAsync<JsonElement>("/api/v1/did/cpi/dichiarazioni?q=bruno chiara");
        Assert.Equal("BRNCHR92D60A271S", Assert.Single(byName.GetProperty("dichiarazioni").EnumerateArray()).GetProperty("codiceFiscale").GetString());
        var future = await op.GetFromJsonAsync<JsonElement>("/api/v1/did/cpi/dichiarazioni?dal=01/01/2099");
        Assert.Equal(0, future.GetProperty("totale").GetInt32());
        var bad = await op.GetAsync("/api/v1/did/cpi/dichiarazioni?dal=32/01/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Data non valida", await bad.Content.ReadAsStringAsync());
        var badStato = await op.GetAsync("/api/v1/did/cpi/dichiarazioni?stato=boh");
        Assert.Equal(HttpStatusCode.BadRequest, badStato.StatusCode);
        var html = await op.GetStringAsync("/cpi/did?stato=inviata");
        Assert.Contains("PGNSLV90H50A271Y", html);
        Assert.Contains("Entro il", html);
        Assert.Contains("Data non valida", await op.GetStringAsync("/cpi/did?al=ieri"));

        var xlsx = await op.GetAsync("/api/v1/did/cpi/dichiarazioni/export?stato=confermata");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var wb = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet(1);
        Assert.Equal("Protocollo", ws.Cell(1, 1).GetString());
        var cfs = ws.RowsUsed().Skip(1).Select(r => r.Cell(3).GetString()).ToList();
        Assert.Contains("BRNCHR92D60A271S", cfs);
        Assert.DoesNotContain("PGNSLV90H50A271Y", cfs);
    }

    [Fact]
    public async Task The_occupational_condition_answers_for_each_state()
    {
        // The DID date is a Rome date: between 23:00 and 24:00 UTC the UTC date is still yesterday there.
        var today = DateOnly.FromDateTime(RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime));
        async Task<CondizioneOccupazionaleInfo> Ask(string cf, DateOnly d) =>
            await portal.InScopeAsync(sp => sp.GetRequiredService<ICondizioneOccupazionale>().OnDateAsync(cf, d));
        Assert.Equal(StatoOccupazionale.Occupato, (await Ask("FRRGRG75L12A271Y", today)).Stato);
        var disoccupato = await Ask("MNCFNC88S45A271B", today);
        Assert.Equal(StatoOccupazionale.Disoccupato, disoccupato.Stato);
        Assert.Equal(new DateOnly(2025, 9, 15), disoccupato.Dal);
        Assert.Equal(StatoOccupazionale.Sconosciuto, (await Ask("MNCFNC88S45A271B", new DateOnly(2025, 9, 14))).Stato);
        Assert.Equal(StatoOccupazionale.Disoccupato, (await Ask("CSTLNZ95A10A271E", today)).Stato);
        // Confirmed DID (demo): unemployed from the DID date; a pending one is not enough.
        Assert.Equal(StatoOccupazionale.Disoccupato, (await Ask("BRNCHR92D60A271S", today)).Stato);
        Assert.Contains("confermata dal Centro per l'Impiego di Ancona", (await Ask("BRNCHR92D60A271S", today)).Fonte);
        Assert.Equal(StatoOccupazionale.Occupato, (await Ask("PGNSLV90H50A271Y", today)).Stato);
        var (pendingClient, _, pendingCf) = await portal.CitizenAsync();
        await DidPortal.SendOkAsync(pendingClient);
        var pending = await Ask(pendingCf, today);
        Assert.Equal(StatoOccupazionale.Sconosciuto, pending.Stato);
        Assert.Contains("in attesa del primo colloquio", pending.Fonte);
        Assert.Equal(CondizioneOccupazionaleInfo.Sconosciuta, await Ask(DidPortal.NewCodiceFiscale(), today));
    }
}
