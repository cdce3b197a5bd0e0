using System.Net;
using Portal.Core.Security;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;
using static Portal.Graduatorie.Tests.RegioneTestHelpers;

namespace Portal.Graduatorie.Tests;

public class RegionePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string[] Pages(Guid finestra) =>
        ["/admin/graduatorie", $"/admin/graduatorie/{finestra}", $"/admin/graduatorie/{finestra}/consolidato", $"/admin/graduatorie/{finestra}/graduatoria"];

    [Fact]
    public async Task The_regional_pages_open_for_the_funzionario_and_are_refused_to_a_comune_operator()
    {
        var finestra = await portal.ScenarioAsync();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var op = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        foreach (var page in Pages(finestra))
        {
            var ok = await funzionario.GetAsync(page);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{page}: {ok.StatusCode}");
            var refused = await op.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/accesso-negato", refused.Headers.Location!.PathAndQuery);
        }
        Assert.Contains("href=\"/admin/graduatorie\"", await funzionario.GetStringAsync("/admin"));
        var admin = await funzionario.GetStringAsync("/admin/graduatorie");
        Assert.Contains($"href=\"/admin/graduatorie/{finestra}\"", admin);
        Assert.Contains("Graduatorie regionali", admin);

        var status = await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}?filtro=inviati");
        Assert.Contains("<caption>2 Comuni (con elenco valido)</caption>", status);
        Assert.Contains("Pesaro", status);
        Assert.Contains("Invia sollecito", status);
        var consolidated = await funzionario.GetStringAsync($"/admin/graduatorie/{finestra}/consolidato");
        Assert.Contains(Mariotti.Cf, consolidated);
        Assert.Contains("5 righe dagli elenchi validi di 2 Comuni", consolidated);
    }

    [Fact]
    public async Task The_reminder_button_says_how_many_were_reminded_and_a_second_click_sends_nothing()
    {
        var finestra = await portal.CreateFinestraAsync(3);
        await portal.ValidListAsync(finestra, Pesaro, Fabbri);
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var url = $"/admin/graduatorie/{finestra}";

        var first = await funzionario.PostAsync(url + "?handler=Sollecito", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url)));
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Sollecito inviato a 2 persone di 2 Comuni.", html);
        Assert.Contains("Comuni senza elenco e senza operatori accreditati", html);

        var second = await funzionario.PostAsync(url + "?handler=Sollecito", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url)));
        var again = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Sollecito inviato a 0 persone di 0 Comuni.", again);
        Assert.Contains("2 operatori erano già stati sollecitati oggi", again);

        var noToken = await funzionario.PostAsync(url + "?handler=Sollecito", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task The_build_form_is_refused_while_open_and_the_approval_form_shows_italian_errors_next_to_the_fields()
    {
        var finestra = await portal.ScenarioAsync();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var url = $"/admin/graduatorie/{finestra}/graduatoria";

        var early = await funzionario.PostAsync(url + "?handler=Costruisci", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url)));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("solo dopo la chiusura", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));

        portal.CloseWindows();
        funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var built = await funzionario.PostAsync(url + "?handler=Costruisci", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url)));
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);
        var page = WebUtility.HtmlDecode(await funzionario.GetStringAsync(url));
        Assert.Contains("Graduatoria regionale: 4 studenti", page);
        Assert.Contains("Approva con decreto", page);

        var bad = await funzionario.PostAsync(url + "?handler=Approva", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url),
            ("DecretoNumero", ""), ("DecretoData", "2999-01-01")));
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("id=\"decretoNumero-errore\" role=\"alert\">Indicare il numero del decreto di approvazione.", html);
        Assert.Contains("id=\"decretoData-errore\" role=\"alert\">La data del decreto non può essere futura.", html);
        Assert.Contains("value=\"2999-01-01\"", html);
        Assert.Contains("Bozza (ricostruibile)", html);

        var today = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var ok = await funzionario.PostAsync(url + "?handler=Approva", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url),
            ("DecretoNumero", "45/2026"), ("DecretoData", today)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var approved = WebUtility.HtmlDecode(await funzionario.GetStringAsync(url));
        Assert.Contains("n. 45/2026", approved);
        Assert.Contains("Pubblica la graduatoria", approved);
        var published = await funzionario.PostAsync(url + "?handler=Pubblica", PortalClient.Form(await PortalClient.TokenAsync(funzionario, url)));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Graduatoria pubblicata", await funzionario.GetStringAsync(url));
    }

    [Fact]
    public async Task The_comune_page_of_codes_shows_only_the_operators_own_students()
    {
        var finestra = await portal.ScenarioAsync();
        portal.CloseWindows();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var pesaro = await portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        var url = $"/graduatoria-regionale/codici?finestra={finestra}&comune={Pesaro}";
        await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null);

        Assert.Contains("non è ancora approvata", WebUtility.HtmlDecode(await pesaro.GetStringAsync(url)));
        var today = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        await funzionario.PostAsync(Regione(finestra, "/graduatoria/approva"),
            System.Net.Http.Json.JsonContent.Create(new { decretoNumero = "9", decretoData = today }));

        var html = WebUtility.HtmlDecode(await pesaro.GetStringAsync(url));
        Assert.Contains("Fabbri Dino", html);
        Assert.DoesNotContain("Zanardelli", html);
        Assert.DoesNotContain("Mariotti", html);
        var refused = await pesaro.GetAsync($"/graduatoria-regionale/codici?finestra={finestra}&comune={Ancona}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/accesso-negato", refused.Headers.Location!.PathAndQuery);
    }
}
