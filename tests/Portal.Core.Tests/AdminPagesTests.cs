using System.Net;
using Portal.Testing;

namespace Portal.Core.Tests;

public class AdminPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static FormUrlEncodedContent Settings(string token, string email, string aoo, string provinces,
        string website = "https://www.regione.marche.it", string vat = "00481070423", string logo = "") => PortalClient.Form(token,
        ("PortalName", "Janet – Portale dei servizi"), ("RegionName", "Regione Marche"), ("HelpDeskEmail", email),
        ("HelpDeskPhone", "800 155 085"), ("HelpDeskHours", "Lun–ven 9–13"), ("AooCode", aoo), ("RegionProvinces", provinces),
        ("PortalTagline", "Servizi on line della Regione"), ("RegionWebsite", website), ("RegionAddress", "Via Gentile da Fabriano, 9 – 60125 Ancona"),
        ("RegionVatNumber", vat), ("LogoUrl", logo));

    [Fact]
    public async Task Settings_with_bad_values_show_italian_messages_next_to_the_fields_and_are_not_saved()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var token = await PortalClient.TokenAsync(client, "/admin/impostazioni");
        var r = await client.PostAsync("/admin/impostazioni", Settings(token, "non-una-email", "aoo con spazi", "AN, Marche"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("id=\"HelpDeskEmail-errore\" role=\"alert\">Indirizzo email non valido.", html);
        Assert.Contains("id=\"AooCode-errore\"", html);
        Assert.Contains("id=\"RegionProvinces-errore\"", html);
        Assert.DoesNotContain("Janet – Portale dei servizi", await portal.Anonymous().GetStringAsync("/"));
    }

    [Fact]
    public async Task The_administrations_site_vat_number_and_logo_are_checked_next_to_their_fields()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var token = await PortalClient.TokenAsync(client, "/admin/impostazioni");
        var r = await client.PostAsync("/admin/impostazioni", Settings(token, "help@regione.example", "ARM", "AN", "javascript:alert(1)", "00481070424", "https://altro.example/stemma.png"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("id=\"RegionWebsite-errore\" role=\"alert\">Indicare un indirizzo completo che inizia con https:// o http://.", html);
        Assert.Matches("id=\"RegionVatNumber-errore\" role=\"alert\">[^<]*controllo", html);
        Assert.Contains("id=\"LogoUrl-errore\" role=\"alert\">Indicare un percorso di questo sito che inizia con /", html);
        Assert.DoesNotContain("Servizi on line della Regione", await portal.Anonymous().GetStringAsync("/"));
    }

    [Fact]
    public async Task Saved_settings_show_on_the_public_site()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var token = await PortalClient.TokenAsync(client, "/admin/impostazioni");
        var r = await client.PostAsync("/admin/impostazioni", Settings(token, "help@regione.example", "ARM-01", "an, ap, fm, mc, pu"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var home = WebUtility.HtmlDecode(await portal.Anonymous().GetStringAsync("/"));
        Assert.Contains("Janet – Portale dei servizi", home);
        Assert.Contains("help@regione.example", home);
        Assert.Contains("Servizi on line della Regione", home);
        Assert.Contains("<a class=\"d-lg-block navbar-brand\" href=\"https://www.regione.marche.it\"", home);
        Assert.Contains("Via Gentile da Fabriano, 9 – 60125 Ancona", home);
        Assert.Contains("P. IVA 00481070423", home);
        Assert.Contains("src=\"/_content/Portal.Theme/img/stemma.svg\"", home);
        var form = await client.GetStringAsync("/admin/impostazioni?salvato=true");
        Assert.Contains("AN, AP, FM, MC, PU", form);
        Assert.Contains("Impostazioni salvate.", WebUtility.HtmlDecode(form));
    }

    [Fact]
    public async Task An_amministratore_runs_a_recipe_again_from_the_admin_page()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var token = await PortalClient.TokenAsync(client, "/admin/ricette");
        var r = await client.PostAsync("/admin/ricette?handler=Ricetta", PortalClient.Form(token, ("nome", "demo.recipe.json")));
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Ricetta «demo» eseguita.", html);
        Assert.Contains("già presenti", html);
        r = await client.PostAsync("/admin/ricette?handler=Ricetta", PortalClient.Form(token, ("nome", "../../etc/passwd")));
        Assert.Contains("Ricetta sconosciuta.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Uploading_no_file_or_a_wrong_csv_for_the_comuni_import_shows_the_error_next_to_the_field()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var token = await PortalClient.TokenAsync(client, "/admin/ricette");
        using var empty = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var html = WebUtility.HtmlDecode(await (await client.PostAsync("/admin/ricette?handler=Comuni", empty)).Content.ReadAsStringAsync());
        Assert.Contains("id=\"file-errore\" role=\"alert\">Scegliere il file CSV da importare.", html);
        using var wrong = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("nome;cognome\nMario;Rossi\n"u8.ToArray()), "file", "persone.csv" },
        };
        html = WebUtility.HtmlDecode(await (await client.PostAsync("/admin/ricette?handler=Comuni", wrong)).Content.ReadAsStringAsync());
        Assert.Contains("Colonna mancante", html);
    }

    [Fact]
    public async Task The_users_page_lists_people_with_roles_and_scopes_and_filters_by_role()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/utenti?ruolo=OperatoreComune"));
        Assert.Contains(Demo.OperatoreAncona, html);
        Assert.Contains("Operatore del Comune (Comune 042002)", html);
        Assert.DoesNotContain(Demo.Editor, html);
    }
}
