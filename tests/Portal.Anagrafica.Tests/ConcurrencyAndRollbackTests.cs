using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Anagrafica.Services;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

public class ConcurrencyAndRollbackTests(AnagraficaPortal portal) : IClassFixture<AnagraficaPortal>
{
    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_with_a_clear_message_in_the_api_and_the_form()
    {
        var (id, cf) = await portal.NewCitizenAsync();
        var client = await portal.LoginAsync(cf);
        Assert.Equal(HttpStatusCode.OK, (await Inputs.PutAsync(client, Inputs.Valid())).StatusCode);
        // Two tabs read version 1; the first saves, the second is stale.
        Assert.Equal(HttpStatusCode.OK, (await Inputs.PutAsync(client, Inputs.Valid(1).With(("telefono", "0719999999")))).StatusCode);
        var stale = await Inputs.PutAsync(client, Inputs.Valid(1).With(("telefono", "0718888888")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(SaveOutcome.ConflictMessage, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var form = await Inputs.PostFormAsync(client, Inputs.Valid(1).With(("telefono", "0717777777")));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(SaveOutcome.ConflictMessage, await Inputs.HtmlAsync(form));
        var record = await portal.RecordAsync(id);
        Assert.Equal(("0719999999", 2), (record!.Telefono, record.Version));
        // A first save racing another first save is a conflict too.
        var (other, otherCf) = await portal.NewCitizenAsync();
        var otherClient = await portal.LoginAsync(otherCf);
        Assert.Equal(HttpStatusCode.Conflict, (await Inputs.PutAsync(otherClient, Inputs.Valid(3))).StatusCode);
        Assert.Null(await portal.RecordAsync(other));
    }

    [Fact]
    public async Task Two_saves_of_the_same_version_at_once_store_exactly_one()
    {
        var (id, cf) = await portal.NewCitizenAsync();
        var client = await portal.LoginAsync(cf);
        Assert.Equal(HttpStatusCode.OK, (await Inputs.PutAsync(client, Inputs.Valid())).StatusCode);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Inputs.PutAsync(client, Inputs.Valid(1).With(("telefono", "07100000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "0")))));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2, (await portal.RecordAsync(id))!.Version);
    }

    [Fact]
    public async Task A_failing_saved_handler_rolls_the_whole_save_back()
    {
        var (id, cf) = await portal.NewCitizenAsync();
        var client = await portal.LoginAsync(cf);
        portal.Handler.FailFor[id] = true;
        var form = await Inputs.PostFormAsync(client, Inputs.Valid());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(SaveOutcome.FailedMessage, await Inputs.HtmlAsync(form));
        var api = await Inputs.PutAsync(client, Inputs.Valid());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Null(await portal.RecordAsync(id));
        Assert.Empty(await portal.AuditAsync("Anagrafica " + cf));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/area-personale")).StatusCode);

        portal.Handler.FailFor.TryRemove(id, out _);
        Assert.Equal(HttpStatusCode.OK, (await Inputs.PutAsync(client, Inputs.Valid())).StatusCode);
        Assert.Equal(1, (await portal.RecordAsync(id))!.Version);
        Assert.Single(await portal.AuditAsync("Anagrafica " + cf));
    }
}
