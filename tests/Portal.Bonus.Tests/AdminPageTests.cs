using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;

namespace Portal.Bonus.Tests;

/// <summary>The Amministratore's page of the calls: a wrong document refused with its message and nothing saved, a right one saved as a new version.</summary>
[Collection(BonusCollection.Name)]
public sealed class AdminPageTests(BonusPortal portal)
{
    [Fact]
    public async Task The_Amministratore_saves_the_rules_from_the_page_as_a_new_version()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var html = await admin.GetStringAsync("/admin/bonus");
        Assert.Contains("BONUS_DDI_2021", html);
        var id = await portal.BandoIdAsync();
        var bando = await portal.InBonusAsync(db => db.Bandi.AsNoTracking().SingleAsync(b => b.Id == id));
        var json = Pages.Admin.Bonus.IndexModel.Write(bando.Regole);

        var token = await PortalClient.TokenAsync(admin, "/admin/bonus");
        var broken = await admin.PostAsync("/admin/bonus?handler=Salva", PortalClient.Form(token, ("id", id.ToString()), ("versione", bando.Versione.ToString()),
            ("titolo", bando.Titolo), ("regole", json.Replace("\"iseeMassimo\": 18000", "\"iseeMassimo\": -1")), ("motivo", "Prova")));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("Il limite ISEE non può essere negativo", await broken.Content.ReadAsStringAsync());
        var notJson = await admin.PostAsync("/admin/bonus?handler=Salva", PortalClient.Form(token, ("id", id.ToString()), ("versione", bando.Versione.ToString()),
            ("titolo", bando.Titolo), ("regole", "{ non è json"), ("motivo", "Prova")));
        Assert.Contains("non sono un documento JSON valido", await notJson.Content.ReadAsStringAsync());
        Assert.Equal(bando.Versione, await portal.InBonusAsync(db => db.Bandi.Where(b => b.Id == id).Select(b => b.Versione).SingleAsync()));

        var saved = await admin.PostAsync("/admin/bonus?handler=Salva", PortalClient.Form(token, ("id", id.ToString()), ("versione", bando.Versione.ToString()),
            ("titolo", bando.Titolo), ("regole", json), ("motivo", "Ricontrollate le regole dell'avviso")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Ricontrollate le regole dell'avviso", await portal.InBonusAsync(db =>
            db.BandoVersioni.Where(v => v.BandoId == id).OrderByDescending(v => v.Versione).Select(v => v.Motivo).FirstAsync()));

        var citizen = await portal.CitizenAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.Client.GetAsync("/admin/bonus")).StatusCode);
    }
}
