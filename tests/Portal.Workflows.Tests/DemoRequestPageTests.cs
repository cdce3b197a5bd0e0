using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Portal.Testing;

namespace Portal.Workflows.Tests;

/// <summary>The demo request page pressed as a citizen would: every button, and another citizen's request.</summary>
public partial class DemoRequestPageTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    private const string Page = "/richieste-di-prova";

    [Fact]
    public async Task A_citizen_creates_sends_and_another_cancels_a_draft_with_the_page_buttons()
    {
        var client = await portal.LoginAsync(Portal.Testing.Demo.Cittadino);
        var subject = $"Richiesta {Guid.NewGuid():N}"[..20];
        var created = await client.PostAsync($"{Page}?handler=Nuova",
            PortalClient.Form(await PortalClient.TokenAsync(client, Page), ("Oggetto", subject), ("Consenso", "true")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var html = await client.GetStringAsync(Page);
        Assert.Contains("Richiesta creata in bozza.", html, StringComparison.Ordinal);

        var send = Button(html, subject, "Invia la richiesta");
        var sent = await client.PostAsync($"{Page}?handler=Esegui", PortalClient.Form(Token(html),
            ("istanza", send.Istanza), ("transizione", send.Transizione), ("revisione", send.Revisione)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Fatto: la richiesta ora è «Inviata».", await client.GetStringAsync(Page), StringComparison.Ordinal);

        var other = $"Bozza {Guid.NewGuid():N}"[..18];
        await client.PostAsync($"{Page}?handler=Nuova", PortalClient.Form(await PortalClient.TokenAsync(client, Page), ("Oggetto", other), ("Consenso", "true")));
        html = await client.GetStringAsync(Page);
        var cancel = Button(html, other, "Annulla la bozza non inviata");
        await client.PostAsync($"{Page}?handler=Esegui", PortalClient.Form(Token(html),
            ("istanza", cancel.Istanza), ("transizione", cancel.Transizione), ("revisione", cancel.Revisione)));
        Assert.Contains("Fatto: la richiesta ora è «Annullata perché non inviata».", await client.GetStringAsync(Page), StringComparison.Ordinal);
    }

    private async Task<HttpClient> TestPersonAsync()
    {
        var cf = TestCodiciFiscali.Make("PRT", "TCH", new DateOnly(1980 + Random.Shared.Next(20), 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28)));
        var client = portal.Anonymous();
        var r = await client.PostAsJsonAsync("/api/v1/prova/accesso", new { codiceFiscale = cf, nome = "Paola", cognome = "Pratiche", comuneResidenzaIstat = "042002" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_request_is_listed_in_the_owners_pratiche_with_its_state_and_nowhere_else()
    {
        var owner = await TestPersonAsync();
        var before = await owner.GetStringAsync("/area-personale");
        Assert.Contains("data-testid=\"nessuna-pratica\"", before, StringComparison.Ordinal);
        var subject = $"Pratica {Guid.NewGuid():N}"[..20];
        await owner.PostAsync($"{Page}?handler=Nuova", PortalClient.Form(await PortalClient.TokenAsync(owner, Page), ("Oggetto", subject), ("Consenso", "true")));

        var area = WebUtility.HtmlDecode(await owner.GetStringAsync("/area-personale"));
        var row = Regex.Match(area, $"<tr>\\s*<td><a href=\"/richieste-di-prova\">{subject}</a>.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "la richiesta non è tra le pratiche");
        Assert.Contains("<td>Bozza</td>", row.Value, StringComparison.Ordinal);
        Assert.Contains("Non ancora assegnato", row.Value, StringComparison.Ordinal);

        var stranger = await TestPersonAsync();
        Assert.DoesNotContain(subject, await stranger.GetStringAsync("/area-personale"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_left_empty_is_explained_next_to_the_field_and_nothing_is_created()
    {
        var client = await portal.LoginAsync(Portal.Testing.Demo.Cittadino);
        var before = Regex.Matches(await client.GetStringAsync(Page), "<section ").Count;
        var response = await client.PostAsync($"{Page}?handler=Nuova", PortalClient.Form(await PortalClient.TokenAsync(client, Page), ("Oggetto", "  ")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Indicare l'oggetto della richiesta.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, Regex.Matches(await client.GetStringAsync(Page), "<section ").Count);
    }

    [Fact]
    public async Task Another_citizens_request_is_not_found_and_its_state_is_not_told()
    {
        var owner = await portal.LoginAsync(Portal.Testing.Demo.Cittadino);
        var subject = $"Privata {Guid.NewGuid():N}"[..20];
        await owner.PostAsync($"{Page}?handler=Nuova", PortalClient.Form(await PortalClient.TokenAsync(owner, Page), ("Oggetto", subject), ("Consenso", "true")));
        var send = Button(await owner.GetStringAsync(Page), subject, "Invia la richiesta");

        var stranger = await portal.LoginAsync(Portal.Testing.Demo.OperatoreCpi);
        var html = await stranger.GetStringAsync(Page);
        Assert.DoesNotContain(subject, html, StringComparison.Ordinal);
        foreach (var transition in new[] { send.Transizione, "accogli", "annulla" })
        {
            var response = await stranger.PostAsync($"{Page}?handler=Esegui", PortalClient.Form(Token(html),
                ("istanza", send.Istanza), ("transizione", transition), ("revisione", send.Revisione)));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Bozza", body, StringComparison.Ordinal);
            Assert.DoesNotContain("stato", body, StringComparison.Ordinal);
        }
        Assert.Contains("Stato: <strong>Bozza</strong>", await owner.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_form_of_the_page_carries_its_antiforgery_token()
    {
        var client = await portal.LoginAsync(Portal.Testing.Demo.Cittadino);
        await client.PostAsync($"{Page}?handler=Nuova", PortalClient.Form(await PortalClient.TokenAsync(client, Page), ("Oggetto", "Con token"), ("Consenso", "true")));
        var html = await client.GetStringAsync(Page);
        var forms = FormPattern().Matches(html);
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f.Value, StringComparison.Ordinal));
    }

    private sealed record ButtonFields(string Istanza, string Transizione, string Revisione);

    /// <summary>The hidden fields of the button with this label inside the section of the request with this subject.</summary>
    private static ButtonFields Button(string html, string subject, string label)
    {
        var start = html.IndexOf($">{subject}</h3>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"Richiesta «{subject}» non trovata nella pagina.");
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        foreach (Match form in FormPattern().Matches(section))
        {
            if (!form.Value.Contains($">{label}</button>", StringComparison.Ordinal)) continue;
            string Field(string name) => Regex.Match(form.Value, $"name=\"{name}\" value=\"([^\"]+)\"").Groups[1].Value;
            return new ButtonFields(Field("istanza"), Field("transizione"), Field("revisione"));
        }
        throw new Xunit.Sdk.XunitException($"Pulsante «{label}» non trovato per «{subject}».");
    }

    private static string Token(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    [GeneratedRegex("<form method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
