using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Bonus.Tests;

/// <summary>The BONUS_DDI avviso leads to the application in one click while a window is open (the Bonus IServiceEntry).</summary>
[Collection(BonusCollection.Name)]
public sealed class AvvisoServiceEntryTests(BonusPortal portal)
{
    [Fact]
    public async Task The_open_window_of_the_bonus_avviso_has_a_presenta_domanda_button_that_opens_the_service()
    {
        var bandoId = await portal.InBonusAsync(db => db.Bandi.AsNoTracking().Where(b => b.Codice == "BONUS_DDI_2021").Select(b => b.Id).SingleAsync());
        var html = await portal.Anonymous().GetStringAsync("/avvisi/bonus-ddi-2021");
        Assert.Contains($"<a class=\"btn btn-primary me-2\" href=\"/bonus#bando-{bandoId}\" data-testid=\"presenta-domanda\">Presenta domanda</a>", html);
        Assert.Contains("Seconda finestra: aperta fino al", html);
        // Only the open window gets a button (the first is closed, the third not yet open).
        Assert.Equal(1, html.Split("data-testid=\"presenta-domanda\"").Length - 1);
        Assert.Contains("href=\"/bonus\" data-testid=\"pagina-servizio\"", html);

        // One click as a citizen: the service page with the call and its "Presenta una domanda".
        var citizen = await portal.CitizenAsync();
        var service = await citizen.Client.GetAsync($"/bonus");
        Assert.Equal(HttpStatusCode.OK, service.StatusCode);
        Assert.Contains($"id=\"bando-{bandoId}\"", await service.Content.ReadAsStringAsync());
    }
}
