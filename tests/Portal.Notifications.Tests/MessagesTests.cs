using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Notifications.Tests;

public class MessagesTests(NotificationsPortal portal) : IClassFixture<NotificationsPortal>
{
    private async Task<Guid> SendAsync(string cf, string subject)
    {
        var key = NotificationsPortal.Key("msg");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(await portal.PersonIdAsync(cf), key, oggetto: subject));
        return Assert.Single(await portal.MessagesAsync(key)).Id;
    }

    [Fact]
    public async Task The_citizen_sees_their_messages_newest_first_unread_highlighted_and_opening_one_marks_it_read()
    {
        var older = await SendAsync(Demo.OperatoreCpi, "Primo messaggio CPI");
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await SendAsync(Demo.OperatoreCpi, "Secondo messaggio CPI");
        var client = await portal.LoginAsync(Demo.OperatoreCpi, "OperatoreCpi");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/area-personale/messaggi"));
        Assert.Contains("Hai 2 messaggi da leggere.", html);
        Assert.True(html.IndexOf("Secondo messaggio CPI", StringComparison.Ordinal) < html.IndexOf("Primo messaggio CPI", StringComparison.Ordinal));
        Assert.Equal(2, CountOf(html, "data-letto=\"no\""));

        var open = WebUtility.HtmlDecode(await client.GetStringAsync($"/area-personale/messaggi/{older}"));
        Assert.Contains("<h1>Primo messaggio CPI</h1>", open);
        Assert.Contains("Gentile Marco,", open);

        html = WebUtility.HtmlDecode(await client.GetStringAsync("/area-personale/messaggi"));
        Assert.Contains("Hai 1 messaggio da leggere.", html);
        Assert.Equal(1, CountOf(html, "data-letto=\"no\""));
        Assert.Contains($"href=\"/area-personale/messaggi/{newer}\"", html);
    }

    [Fact]
    public async Task The_api_lists_own_messages_and_marks_one_read()
    {
        var id = await SendAsync(Demo.OperatoreEnte, "Messaggio via API");
        var client = await portal.LoginAsync(Demo.OperatoreEnte, "OperatoreEnte");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/messaggi");
        var item = list.GetProperty("messaggi").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal("Messaggio via API", item.GetProperty("oggetto").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("lettoIl").ValueKind);
        var unread = list.GetProperty("nonLetti").GetInt32();
        Assert.True(unread >= 1);

        var r = await client.PostAsync($"/api/v1/messaggi/{id}/letto", null);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var read = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("lettoIl").ValueKind);
        list = await client.GetFromJsonAsync<JsonElement>("/api/v1/messaggi");
        Assert.Equal(unread - 1, list.GetProperty("nonLetti").GetInt32());
    }

    [Fact]
    public async Task A_person_cannot_see_or_mark_another_persons_message()
    {
        var theirs = await SendAsync(Demo.OperatoreAncona, "Riservato a Laura Bianchi");
        var client = await portal.LoginAsync(Demo.Cittadino);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/messaggi/{theirs}/letto", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/area-personale/messaggi/{theirs}")).StatusCode);
        var list = await client.GetStringAsync("/api/v1/messaggi");
        Assert.DoesNotContain(theirs.ToString(), list);
        Assert.DoesNotContain("Riservato a Laura Bianchi", await client.GetStringAsync("/area-personale/messaggi"));
        Assert.Null((await portal.MessageAsync(theirs))!.ReadUtc);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_api_and_the_login_page_from_the_personal_area()
    {
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/messaggi")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/api/v1/messaggi/{Guid.NewGuid()}/letto", null)).StatusCode);
        var page = await client.GetAsync("/area-personale/messaggi");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accedi", page.Headers.Location!.PathAndQuery);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
