using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Model;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>The Amministratore approves, rejects and revokes; the role follows in Core and in the role choice.</summary>
public class AdminDecisionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(Guid PersonId, string Cf, HttpClient Client, Guid RequestId)> PendingAsync(string istat)
    {
        var (id, cf) = await portal.NewPersonAsync("Giorgio", "Prova");
        var client = await portal.LoginCitizenAsync(cf);
        var created = await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { istat } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (id, cf, client, (await created.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Approval_on_the_page_creates_the_scoped_role_which_appears_in_the_role_choice()
    {
        var (personId, cf, citizen, requestId) = await PendingAsync("042021");
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/accreditamenti?stato=InAttesa&cf={cf}"));
        Assert.Contains(cf, list);
        Assert.Contains("Jesi (042021)", list);

        var r = await admin.PostFormAsync($"/admin/accreditamenti/{requestId}", $"/admin/accreditamenti/{requestId}?handler=Approva", ("ApprovaMotivo", "Delega del sindaco"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("Approvata", await admin.GetStringAsync($"/admin/accreditamenti/{requestId}"));

        var request = await portal.WithDbAsync(db => db.Requests.SingleAsync(x => x.Id == requestId));
        Assert.Equal(RequestState.Approvata, request.State);
        Assert.Contains(Demo.Amministratore, request.DecidedBy);
        var assignment = await portal.WithCoreAsync(db => db.RoleAssignments.SingleAsync(a => a.Id == request.AssignmentId));
        Assert.Equal((PortalRoles.OperatoreComune, ScopeTypes.Comune, "042021", personId), (assignment.RoleName, assignment.ScopeType, assignment.ScopeValue, assignment.PersonId));
        var choice = Assert.Single(await portal.RoleChoicesAsync(personId), c => c.RoleName == PortalRoles.OperatoreComune);
        Assert.Equal(new[] { "Comune:042021" }, choice.Scopes);
        var audit = Assert.Single(await portal.AuditAsync("Accreditamento.Approvato", cf));
        Assert.Equal("Motivo: Delega del sindaco", audit.Details);
        Assert.Equal("Paolo Neri", audit.ActorName);

        // Portal.Notifications delivers it: a message in the person's area, an e-mail queued in the outbox.
        var messages = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/messaggi");
        var message = Assert.Single(messages.GetProperty("messaggi").EnumerateArray(),
            m => m.GetProperty("oggetto").GetString() == "Accreditamento approvato per il Comune di Jesi");
        Assert.Contains("Delega del sindaco", message.GetProperty("testo").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await portal.WithCoreAsync(db => db.Outbox.CountAsync(e => e.Kind == "notifica" && e.IdempotencyKey.Contains(requestId.ToString()))));

        // The new operator now acts for Jesi and sees its operators.
        var operatorClient = await portal.LoginAsync(cf, PortalRoles.OperatoreComune);
        var operators = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/comuni/042021/operatori");
        Assert.Contains(operators.EnumerateArray(), o => o.GetProperty("cognome").GetString() == "Prova");
    }

    [Fact]
    public async Task Rejection_needs_a_reason_shown_next_to_the_field_and_then_is_recorded_and_visible_to_the_person()
    {
        var (personId, cf, citizen, requestId) = await PendingAsync("041067");
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var url = $"/admin/accreditamenti/{requestId}";
        var bad = await admin.PostFormAsync(url, url + "?handler=Respingi", ("RespingiMotivo", "   "));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("Indicare il motivo del rifiuto.", TestPeople.FieldError(await bad.Content.ReadAsStringAsync(), "RespingiMotivo"));
        Assert.Equal(RequestState.InAttesa, (await portal.WithDbAsync(db => db.Requests.SingleAsync(x => x.Id == requestId))).State);
        Assert.Empty(await portal.AuditAsync("Accreditamento.Respinto", cf));

        var ok = await admin.PostFormAsync(url, url + "?handler=Respingi", ("RespingiMotivo", "Non risulta in servizio presso il Comune"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var mine = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/accreditamenti/{requestId}");
        Assert.Equal("Respinta", mine.GetProperty("stato").GetString());
        Assert.Equal("Non risulta in servizio presso il Comune", mine.GetProperty("motivo").GetString());
        Assert.Contains("Non risulta in servizio presso il Comune", WebUtility.HtmlDecode(await citizen.GetStringAsync("/accreditamenti")));
        Assert.Single(await portal.AuditAsync("Accreditamento.Respinto", cf));
        Assert.DoesNotContain(await portal.RoleChoicesAsync(personId), c => c.RoleName == PortalRoles.OperatoreComune);

        // A request already handled cannot be approved afterwards.
        var late = await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{requestId}/approva", new { });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("già stata trattata", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revocation_through_the_api_ends_the_role_the_role_choice_and_the_session_using_it()
    {
        var (personId, cf, _, requestId) = await PendingAsync("044007");
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{requestId}/approva", new { motivo = (string?)null })).StatusCode);
        var operatorClient = await portal.LoginAsync(cf, PortalRoles.OperatoreComune);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/comuni/044007/operatori")).StatusCode);

        var noReason = await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{requestId}/revoca", new { motivo = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Indicare il motivo della revoca.", await noReason.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{requestId}/revoca", new { motivo = "Cessato dal servizio" })).StatusCode);
        var request = await portal.WithDbAsync(db => db.Requests.SingleAsync(x => x.Id == requestId));
        Assert.Equal(RequestState.Revocata, request.State);
        var assignment = await portal.WithCoreAsync(db => db.RoleAssignments.SingleAsync(a => a.Id == request.AssignmentId));
        Assert.NotNull(assignment.RevokedUtc);
        Assert.Equal("Cessato dal servizio", assignment.Reason);
        Assert.DoesNotContain(await portal.RoleChoicesAsync(personId), c => c.RoleName == PortalRoles.OperatoreComune);
        Assert.Single(await portal.AuditAsync("Accreditamento.Revocato", cf));
        // The session that used the revoked role ends.
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorClient.GetAsync("/api/v1/comuni/044007/operatori")).StatusCode);
        // Revoking twice is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{requestId}/revoca", new { motivo = "Ancora" })).StatusCode);
    }

    [Fact]
    public async Task Revoking_one_comune_stops_it_on_the_next_request_of_an_open_session_while_the_other_keeps_working()
    {
        var (_, cf) = await portal.NewPersonAsync("Giorgio", "Prova");
        var citizen = await portal.LoginCitizenAsync(cf);
        var created = await citizen.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "042045", "043023" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var ids = (await created.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("comune").GetString()!, r => r.GetProperty("id").GetGuid());
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        foreach (var id in ids.Values)
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{id}/approva", new { motivo = (string?)null })).StatusCode);
        var operatorClient = await portal.LoginAsync(cf, PortalRoles.OperatoreComune);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/comuni/042045/operatori")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/comuni/043023/operatori")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{ids["042045"]}/revoca", new { motivo = "Trasferito" })).StatusCode);

        // The same session, next request: the revoked Comune is refused on the API and on the page...
        var api = await operatorClient.GetAsync("/api/v1/comuni/042045/operatori");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("Non sei accreditato per questo Comune.", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var page = await operatorClient.GetAsync("/operatori-comune/042045");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accesso-negato", page.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("/operatori-comune/042045", await operatorClient.GetStringAsync("/operatori-comune"));
        // ...while the Comune still held keeps working in the same session, on later requests too.
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/comuni/043023/operatori")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/operatori-comune/043023")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/comuni/042045/operatori")).StatusCode);
    }

    [Fact]
    public async Task The_admin_list_filters_by_state_comune_and_codice_fiscale()
    {
        var (_, cf, _, _) = await PendingAsync("109006");
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var byCf = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/accreditamenti?cf={cf}");
        Assert.Equal("109006", Assert.Single(byCf.EnumerateArray()).GetProperty("comune").GetString());
        var byComune = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/accreditamenti?comune=109006&stato=InAttesa");
        Assert.All(byComune.EnumerateArray(), r => Assert.Equal("109006", r.GetProperty("comune").GetString()));
        var approved = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/accreditamenti?cf={cf}&stato=Approvata");
        Assert.Equal(0, approved.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/accreditamenti?stato=Boh")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{Guid.NewGuid()}/respingi", new { motivo = "x" })).StatusCode);
    }

    [Theory]
    [InlineData(Demo.Cittadino, null)]
    [InlineData(Demo.OperatoreAncona, "OperatoreComune")]
    [InlineData(Demo.Editor, "Editor")]
    public async Task Other_roles_get_403_from_the_admin_api_and_pages(string cf, string? role)
    {
        var client = await portal.LoginAsync(cf, role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/accreditamenti")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{Guid.NewGuid()}/approva", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/admin/accreditamenti/importazione", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/enti")).StatusCode);
        var page = await client.GetAsync("/admin/accreditamenti");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accesso-negato", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_admin_api()
    {
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/admin/accreditamenti")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/admin/abilitazioni")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/comuni/042002/operatori")).StatusCode);
    }
}
