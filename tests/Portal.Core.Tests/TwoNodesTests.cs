using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>Two portal processes on one database behave as one site for the browser.</summary>
public class TwoNodesTests
{
    [Fact]
    public async Task A_session_cookie_and_a_form_token_issued_by_one_node_are_accepted_by_the_other()
    {
        using var database = TestDatabase.Create();
        PortalProcess a, b;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Both start at once: the advisory lock lets one migrate and run the recipes, the other waits.
            var starting = new[] { PortalProcess.StartAsync(database), PortalProcess.StartAsync(database) };
            var nodes = await Task.WhenAll(starting);
            (a, b) = (nodes[0], nodes[1]);
        }
        else
        {
            a = await PortalProcess.StartAsync(database);
            b = await PortalProcess.StartAsync(database);
        }
        await using var nodeA = a;
        await using var nodeB = b;

        var cookies = new CookieContainer();
        using var toA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = nodeA.BaseAddress };
        using var toB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = nodeB.BaseAddress };

        // Log in on node A through the development login.
        var loginPage = await toA.GetStringAsync("/accesso-di-prova");
        var rows = System.Text.RegularExpressions.Regex.Matches(loginPage, "<tr>[\\s\\S]*?</tr>");
        var editorRow = rows.Select(m => m.Value).Single(r => r.Contains(Demo.Editor, StringComparison.Ordinal));
        var personId = System.Text.RegularExpressions.Regex.Match(editorRow, "name=\"personId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var token = await PortalClient.TokenAsync(toA, "/accesso-di-prova");
        var login = await toA.PostAsync("/accesso-di-prova", PortalClient.Form(token, ("personId", personId)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // Node B knows the session (same data-protection keys, from the database).
        var session = await toB.GetFromJsonAsync<JsonElement>("/api/v1/sessione");
        Assert.Equal(Demo.Editor, session.GetProperty("codiceFiscale").GetString());

        // A form token from node A is valid on node B: choose the role there.
        token = await PortalClient.TokenAsync(toA, "/scelta-ruolo");
        var choose = await toB.PostAsync("/scelta-ruolo", PortalClient.Form(token, ("role", "Editor")));
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await toA.GetAsync("/admin/contenuti")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await toB.GetAsync("/admin/contenuti")).StatusCode);
        Assert.DoesNotContain("Exception", nodeA.Output + nodeB.Output, StringComparison.Ordinal);
    }
}
