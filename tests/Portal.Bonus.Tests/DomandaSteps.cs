using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Core.Time;

namespace Portal.Bonus.Tests;

/// <summary>The citizen's steps through the API, and valid section bodies to start from.</summary>
public static class DomandaSteps
{
    public static readonly string Today = DateOnly.FromDateTime(RomeTime.ToRome(DateTime.UtcNow)).ToString("yyyy-MM-dd");

    public static async Task<Guid> CreateAsync(this Citizen c, Guid bandoId)
    {
        var r = await c.Client.PostAsJsonAsync("/api/v1/bonus/domande", new { bandoId });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> PutSectionAsync(this Citizen c, Guid id, string sezione, object body) =>
        c.Client.PutAsJsonAsync($"/api/v1/bonus/domande/{id}/sezioni/{sezione}", body);

    public static async Task SaveAsync(this Citizen c, Guid id, string sezione, object body)
    {
        var r = await c.PutSectionAsync(id, sezione, body);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{sezione}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    public static object Richiedente() => new { ruolo = "Genitore", conviveConFigli = true, telefono = "+39 333 1234567" };

    public static object Nucleo(params (string Cf, string Relazione)[] members) =>
        new { componenti = members.Select((m, i) => new { codiceFiscale = m.Cf, nome = $"Nome{i}", cognome = "Bianchi", relazione = m.Relazione }).ToArray() };

    public static object Figli(params string[] cfs) =>
        new { figli = cfs.Select((cf, i) => new { codiceFiscale = cf, nome = $"Figlio{i}", cognome = "Bianchi", livello = "SecondoCiclo", istituto = "IIS Savoia Benincasa, Ancona" }).ToArray() };

    public static object Isee(string valore = "12.345,67", string tipo = "ordinario") =>
        new { valore, tipo, protocolloDsu = "INPS-ISEE-2026-00123456A-00", dataRilascio = Today };

    public static object Occupazione(string condizione = "disoccupato") => new { condizione };

    public static object Dispositivo(string dispositivo = "portatile") => new { dispositivo };

    public static object Dichiarazioni() => new { accettate = new[] { "veridicita", "nessunAltroContributo", "accettazioneAvviso", "privacy" } };

    public static string ChildCf(int n) => TestCodiciFiscali.Make("BNC", "FGL", new DateOnly(2010, 1, 1).AddDays(n * 37 + Random.Shared.Next(0, 3000)), place: "A271");

    /// <summary>A draft with every section saved and the ISEE attached; returns its id and the child's CF.</summary>
    public static async Task<(Guid Id, string Child, string Spouse)> CompleteDraftAsync(this Citizen c, Guid bandoId, string? spouse = null, string? child = null)
    {
        var id = await c.CreateAsync(bandoId);
        child ??= ChildCf(1);
        spouse ??= TestCodiciFiscali.Make("BNC", "CNG", new DateOnly(1975, 5, 5).AddDays(Random.Shared.Next(0, 3000)), female: true);
        await c.SaveAsync(id, "richiedente", Richiedente());
        await c.SaveAsync(id, "nucleo", Nucleo((spouse, "Coniuge"), (child, "Figlio")));
        await c.SaveAsync(id, "figli", Figli(child));
        await c.SaveAsync(id, "isee", Isee());
        await c.SaveAsync(id, "occupazione", Occupazione());
        await c.SaveAsync(id, "dispositivo", Dispositivo());
        await c.SaveAsync(id, "dichiarazioni", Dichiarazioni());
        var up = await c.UploadIseeAsync(id, TestFiles.Pdf("Attestazione ISEE"), "isee.pdf");
        Assert.True(up.StatusCode == HttpStatusCode.OK, await up.Content.ReadAsStringAsync());
        return (id, child, spouse);
    }

    public static Task<HttpResponseMessage> UploadIseeAsync(this Citizen c, Guid id, byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return c.Client.PostAsync($"/api/v1/bonus/domande/{id}/allegati/isee", form);
    }

    public static Task<HttpResponseMessage> SendAsync(this Citizen c, Guid id, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/bonus/domande/{id}/invio");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return c.Client.SendAsync(request);
    }

    public static async Task<JsonObject> GetAsync(this Citizen c, Guid id) =>
        (await c.Client.GetFromJsonAsync<JsonObject>($"/api/v1/bonus/domande/{id}"))!;

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonObject>())!;

    public static string? Error(this JsonObject problem, string field) =>
        problem["errors"]?[field]?[0]?.GetValue<string>();
}
