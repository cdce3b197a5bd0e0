using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Contracts;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.Graduatorie.Tests;

/// <summary>The Borse di studio avviso links the service and, while a window is open, the upload page of that window.</summary>
public class AvvisoServiceEntryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_open_window_leads_the_operator_to_its_upload_page_in_one_click_and_a_closed_one_does_not()
    {
        var avviso = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetPublishedBySlugAsync(ContentTypes.Avviso, "borse-di-studio"));
        var windows = await portal.InScopeAsync(sp => sp.GetRequiredService<IFinestre>().ForAvvisoAsync(avviso!.Item.Id));
        var now = portal.Clock.GetUtcNow();
        var open = windows.Where(w => w.StateAt(now) == FinestraState.Aperta).ToList();
        Assert.NotEmpty(open);
        var html = await portal.Anonymous().GetStringAsync("/avvisi/borse-di-studio");
        foreach (var w in open)
            Assert.Contains($"href=\"/invio-elenchi/{w.Id}\" data-testid=\"presenta-domanda\">Invia l&#x27;elenco del Comune</a>", html);
        Assert.Contains("(per gli operatori dei Comuni)", html);
        Assert.Contains("href=\"/invio-elenchi\" data-testid=\"pagina-servizio\"", html);

        var operatore = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        Assert.Equal(HttpStatusCode.OK, (await operatore.GetAsync($"/invio-elenchi/{open[0].Id}")).StatusCode);

        // Once every window has closed: no button, a sentence, and still the link to the service.
        portal.Clock.Advance(TimeSpan.FromDays(400));
        var closed = await portal.Anonymous().GetStringAsync("/avvisi/borse-di-studio");
        Assert.DoesNotContain("data-testid=\"presenta-domanda\"", closed);
        Assert.Contains("In questo momento non c'è una finestra aperta", closed);
        Assert.Contains("data-testid=\"pagina-servizio\"", closed);
    }
}
