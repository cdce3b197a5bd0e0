using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

/// <summary>A citizen sees only their own Anagrafica; operators with Anagrafica.ViewAll read any, and each read is audited.</summary>
public class ScopeTests(AnagraficaPortal portal) : IClassFixture<AnagraficaPortal>
{
    [Fact]
    public async Task A_citizen_cannot_read_another_citizens_anagrafica_by_changing_an_id()
    {
        var (victim, victimCf) = await portal.NewCitizenAsync("Vittoria", "Altri", email: "vittoria@example.org");
        var victimClient = await portal.LoginAsync(victimCf);
        Assert.Equal(HttpStatusCode.OK, (await Inputs.PutAsync(victimClient, Inputs.Valid().With(("residenzaVia", "Via Segreta"), ("email", "vittoria@example.org")))).StatusCode);

        var (_, cf) = await portal.NewCitizenAsync("Curioso", "Indiscreto", email: "curioso@example.org");
        var client = await portal.LoginAsync(cf);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/anagrafiche/{victim}")).StatusCode);
        foreach (var url in new[] { $"/anagrafica?personId={victim}", $"/anagrafica?id={victim}", $"/area-personale?personId={victim}" })
        {
            var r = await client.GetAsync(url);
            var html = r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadAsStringAsync() : "";
            Assert.DoesNotContain("Via Segreta", html);
            Assert.DoesNotContain(victimCf, html);
        }
        var own = await client.GetFromJsonAsync<JsonElement>($"/api/v1/profilo?personId={victim}");
        Assert.Equal(cf, own.GetProperty("datiAnagrafici").GetProperty("codiceFiscale").GetString());
        // Operators without the permission are refused too.
        var operatore = await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatore.GetAsync($"/api/v1/anagrafiche/{victim}")).StatusCode);
        Assert.DoesNotContain(await portal.AuditAsync("Anagrafica " + victimCf), a => a.Action == "AccessoDatiPersonali");
    }

    [Fact]
    public async Task An_administrator_reads_any_saved_anagrafica_and_the_read_is_audited()
    {
        var (person, cf) = await portal.NewCitizenAsync();
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/anagrafiche/{person}")).StatusCode);
        var citizen = await portal.LoginAsync(cf);
        Assert.Equal(HttpStatusCode.OK, (await Inputs.PutAsync(citizen, Inputs.Valid())).StatusCode);

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/anagrafiche/{person}");
        Assert.Equal(cf, read.GetProperty("datiAnagrafici").GetProperty("codiceFiscale").GetString());
        Assert.Equal("Ancona (AN)", read.GetProperty("modificabili").GetProperty("residenzaComune").GetString());
        var audit = (await portal.AuditAsync("Anagrafica " + cf)).Single(a => a.Action == "AccessoDatiPersonali");
        Assert.Equal(("Paolo Neri", "Amministratore"), (audit.ActorName, audit.ActorRole));
        // The same person as a citizen has no such right.
        var asCitizen = await portal.LoginAsync(Demo.Amministratore, "Cittadino");
        Assert.Equal(HttpStatusCode.Forbidden, (await asCitizen.GetAsync($"/api/v1/anagrafiche/{person}")).StatusCode);
    }
}
