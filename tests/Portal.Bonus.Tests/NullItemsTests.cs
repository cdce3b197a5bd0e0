using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;

namespace Portal.Bonus.Tests;

/// <summary>A list with a null item (or a null list) is a field error naming it, never a 500; nothing is saved.</summary>
[Collection(BonusCollection.Name)]
public sealed class NullItemsTests(BonusPortal portal)
{
    [Theory]
    [InlineData("nucleo", """{"componenti":[null]}""", "componenti[0]", "componente n. 1")]
    [InlineData("figli", """{"figli":[null]}""", "figli[0]", "figlio n. 1")]
    [InlineData("dichiarazioni", """{"accettate":[null]}""", "accettate[0]", "dichiarazione n. 1")]
    public async Task A_null_item_in_a_sections_list_is_a_field_error_and_nothing_is_saved(string sezione, string body, string field, string expected)
    {
        var c = await portal.CitizenAsync();
        var id = await c.CreateAsync(await portal.BandoIdAsync());
        var child = DomandaSteps.ChildCf(3);
        await c.SaveAsync(id, "nucleo", DomandaSteps.Nucleo((child, "Figlio")));
        var before = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Include(d => d.Componenti).SingleAsync(d => d.Id == id));

        var r = await c.Client.PutAsync($"/api/v1/bonus/domande/{id}/sezioni/{sezione}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(r.StatusCode == (HttpStatusCode)422, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        var message = (await r.ProblemAsync()).Error(field);
        Assert.True(message is not null && message.Contains(expected, StringComparison.Ordinal), $"{field}: «{message}»");
        var after = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Include(d => d.Componenti).SingleAsync(d => d.Id == id));
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.SezioniSalvate, after.SezioniSalvate);
        Assert.Equal([child], after.Componenti.Select(x => x.CodiceFiscale));
    }

    public static TheoryData<string, string> BrokenRules() => new()
    {
        { "$.fonti", "regole.fonti" },
        { "$.fonti[0]", "regole.fonti[0]" },
        { "$.importi", "regole.importi" },
        { "$.importi[0]", "regole.importi[0]" },
        { "$.tipiIseeAmmessi", "regole.tipiIseeAmmessi" },
        { "$.livelliStudioAmmessi", "regole.livelliStudioAmmessi" },
        { "$.criteri", "regole.criteri" },
        { "$.criteri[0]", "regole.criteri[0]" },
        { "$.criteri[0].fasce", "regole.criteri[0].fasce" },
        { "$.criteri[0].fasce[0]", "regole.criteri[0].fasce[0]" },
        { "$.allegati", "regole.allegati" },
        { "$.allegati[0]", "regole.allegati[0]" },
        { "$.allegati[0].formati", "regole.allegati[0].formati" },
        { "$.dichiarazioni", "regole.dichiarazioni" },
        { "$.dichiarazioni[0]", "regole.dichiarazioni[0]" },
    };

    /// <summary>The shipped rules with one list or item set to null.</summary>
    private static JsonObject WithNull(JsonObject regole, string path)
    {
        var copy = regole.DeepClone().AsObject();
        var steps = path[2..].Replace("]", "").Split('.', '[');
        JsonNode node = copy;
        for (var i = 0; i < steps.Length - 1; i++)
            node = int.TryParse(steps[i], out var n) ? node[n]! : node[steps[i]]!;
        var last = steps[^1];
        if (int.TryParse(last, out var k)) node.AsArray()[k] = null;
        else node[last] = null;
        return copy;
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_null_list_or_item_in_a_calls_rules_is_a_field_error_in_the_API(string path, string field)
    {
        var id = await portal.BandoIdAsync();
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var bando = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/bonus/bandi/{id}"))!;
        var versione = bando["versione"]!.GetValue<int>();
        var regole = WithNull(bando["regole"]!.AsObject(), path);
        var r = await admin.PutAsJsonAsync($"/api/v1/bonus/bandi/{id}", new { titolo = bando["titolo"]!.GetValue<string>(), avvisoId = bando["avviso"]!["id"]!.GetValue<Guid>(), regole, motivo = "Prova", versione });
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.NotNull((await r.ProblemAsync()).Error(field));
        Assert.Equal(versione, await portal.InBonusAsync(db => db.Bandi.Where(b => b.Id == id).Select(b => b.Versione).SingleAsync()));
    }

    [Theory]
    [InlineData("$.fonti", "Campo obbligatorio")]
    [InlineData("$.allegati[0].formati", "Campo obbligatorio")]
    [InlineData("$.criteri[0].fasce", "Campo obbligatorio")]
    [InlineData("$.dichiarazioni[0]", "dichiarazione n. 1")]
    public async Task A_null_list_or_item_in_the_rules_posted_from_the_admin_page_is_shown_and_nothing_is_saved(string path, string expected)
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var id = await portal.BandoIdAsync();
        var bando = await portal.InBonusAsync(db => db.Bandi.AsNoTracking().SingleAsync(b => b.Id == id));
        var json = WithNull(JsonNode.Parse(Pages.Admin.Bonus.IndexModel.Write(bando.Regole))!.AsObject(), path).ToJsonString();
        var token = await PortalClient.TokenAsync(admin, "/admin/bonus");
        var r = await admin.PostAsync("/admin/bonus?handler=Salva", PortalClient.Form(token, ("id", id.ToString()), ("versione", bando.Versione.ToString()),
            ("titolo", bando.Titolo), ("regole", json), ("motivo", "Prova")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(bando.Versione, await portal.InBonusAsync(db => db.Bandi.Where(b => b.Id == id).Select(b => b.Versione).SingleAsync()));
    }
}
