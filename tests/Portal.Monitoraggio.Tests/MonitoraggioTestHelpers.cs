using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Outbox;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Tests;

public static class MonitoraggioTestHelpers
{
    public const string Flussi = "/api/v1/monitoraggio/flussi";

    public static Task<HttpClient> OperatoreEnteAsync(this PortalFactory portal) => portal.LoginAsync(Demo.OperatoreEnte, PortalRoles.OperatoreEnte);

    public static Task<HttpClient> OperatoreConfidiAsync(this PortalFactory portal) => portal.LoginAsync(Demo.OperatoreEnteConfidi, PortalRoles.OperatoreEnte);

    public static Task<HttpClient> FunzionarioAsync(this PortalFactory portal) => portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);

    public static DateOnly Yesterday(this PortalFactory portal) =>
        DateOnly.FromDateTime(Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime)).AddDays(-1);

    /// <summary>Sends the feed as a raw body; returns the answer's JSON (202 expected).</summary>
    public static async Task<JsonElement> SendAsync(this HttpClient client, byte[] feed, string name = "flusso.txt")
    {
        var content = new ByteArrayContent(feed);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await client.PostAsync($"{Flussi}?nome={Uri.EscapeDataString(name)}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static ByteArrayContent Octets(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    public static Guid Id(this JsonElement flusso) => flusso.GetProperty("id").GetGuid();

    public static string Stato(this JsonElement flusso) => flusso.GetProperty("stato").GetString()!;

    /// <summary>Drives the outbox until the feed is decided (and, when applied, its receipt issued); returns it as the API shows it.</summary>
    public static async Task<JsonElement> ProcessedAsync(this PortalFactory portal, HttpClient client, Guid id)
    {
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await processor.RunOnceAsync();
            var flusso = await client.GetFromJsonAsync<JsonElement>($"{Flussi}/{id}");
            var stato = flusso.Stato();
            var done = stato is "Respinto" or "ConAvvisi" or "Annullato" || (stato == "Applicato" && flusso.GetProperty("ricevuta").ValueKind == JsonValueKind.String);
            if (done) return flusso;
            if (DateTime.UtcNow > deadline)
            {
                var errors = await portal.InScopeAsync(async sp => await sp.GetRequiredService<Core.Data.CoreDbContext>().Outbox.AsNoTracking()
                    .Where(e => e.LastError != null).Select(e => e.Kind + ": " + e.LastError).ToListAsync());
                Assert.Fail($"Flusso {id} non elaborato: {flusso}\n{string.Join("\n", errors)}");
            }
            await Task.Delay(50);
        }
    }

    public static Task<(int Pratiche, int Storico)> CountsAsync(this PortalFactory portal, string ente) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoraggioDbContext>();
            return (await db.Pratiche.CountAsync(p => p.EnteCode == ente), await db.Storico.CountAsync(p => p.EnteCode == ente));
        });

    public static Task<Model.Pratica?> PraticaAsync(this PortalFactory portal, string ente, string id) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.AsNoTracking().FirstOrDefaultAsync(p => p.EnteCode == ente && p.IdPratica == id));

    public static string Unique() => Guid.NewGuid().ToString("N")[..8] + "-";
}
