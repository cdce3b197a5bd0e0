using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Outbox;
using Portal.Core.Protocol;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>The portal with two attempts per outbox entry and a protocol queue that can be told to fail.</summary>
public sealed class RobustezzaPortal : PortalFactory
{
    public volatile bool ProtocolloGuasto;

    public RobustezzaPortal() : base(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:Outbox:MaxAttempts"] = "2" }) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            var original = s.Last(d => d.ServiceType == typeof(IProtocolQueue));
            s.Remove(original);
            s.AddScoped<IProtocolQueue>(sp => new Guasto(this, (IProtocolQueue)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        });
    }

    private sealed class Guasto(RobustezzaPortal portal, IProtocolQueue inner) : IProtocolQueue
    {
        public Task EnqueueAsync(string subjectType, string subjectId, string? description, IReadOnlyList<OutboxItem>? then = null, CancellationToken ct = default) =>
            portal.ProtocolloGuasto ? throw new InvalidOperationException("Registro di protocollo non raggiungibile (guasto simulato).")
                : inner.EnqueueAsync(subjectType, subjectId, description, then, ct);
    }
}

/// <summary>
/// Feeds of ENTE-FORMAZIONE-01 that once stopped or spoiled the processing: control characters (NUL) the format cannot carry,
/// a job that fails for good, a confirmation overtaken by a newer feed; and the receipt of a feed for whoever may read the feed.
/// </summary>
public class FlussiRobustezzaTests(RobustezzaPortal portal) : IClassFixture<RobustezzaPortal>
{
    [Fact]
    public void A_control_character_that_reaches_a_finding_is_stored_as_its_visible_symbol()
    {
        Assert.Equal("a\u2400b\tc\u2407", Services.FlussoProcessor.Printable("a\0b\tc\u0007"));
        Assert.Equal("testo", Services.FlussoProcessor.Printable("testo"));
        Assert.Null(Services.FlussoProcessor.Printable(null));
    }

    private Task<List<Model.FlussoSegnalazione>> IssuesAsync(Guid id) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Segnalazioni.AsNoTracking().Where(s => s.FlussoId == id).OrderBy(s => s.Riga).ToListAsync());

    private async Task NextFeedIsAppliedAsync(HttpClient client, string id)
    {
        var next = await portal.ProcessedAsync(client, (await client.SendAsync(Bytes([Fields(id, portal.Yesterday())]))).Id());
        Assert.Equal("Applicato", next.Stato());
        Assert.NotNull(await portal.PraticaAsync(Ente, id));
    }

    [Fact]
    public async Task A_NUL_in_NOTE_is_refused_with_its_line_and_byte_nothing_is_applied_and_the_next_feed_of_the_ente_is_processed()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        var before = await portal.CountsAsync(Ente);
        var line = Fields(p + "2", rif).With(FeedFormat.Note, "Nota\0finale");
        var flusso = await portal.ProcessedAsync(client, (await client.SendAsync(Bytes([Fields(p + "1", rif), line, Fields(p + "3", rif)]))).Id());

        Assert.Equal("Respinto", flusso.Stato());
        var issue = Assert.Single(await IssuesAsync(flusso.Id()));
        Assert.Equal(("F09", 3, "0x00", (string?)null), (issue.Codice, issue.Riga, issue.Valore, issue.Campo));
        var byteInLine = Encoding.UTF8.GetBytes(Line(line)).AsSpan().IndexOf((byte)0) + 1;
        Assert.Contains($"alla riga 3, byte {byteInLine} della riga", issue.Messaggio);
        Assert.Contains("carattere di controllo", issue.Messaggio);
        Assert.Contains("NUL", issue.Messaggio);
        Assert.Equal(before, await portal.CountsAsync(Ente));
        Assert.Null(await portal.PraticaAsync(Ente, p + "1"));
        var csv = await client.GetStringAsync($"{Flussi}/{flusso.Id()}/errori");
        Assert.Contains("F09", csv);
        Assert.DoesNotContain('\0', csv);

        await NextFeedIsAppliedAsync(client, p + "1");
    }

    public static TheoryData<string, byte[], int> NulFiles() => new()
    {
        { "un solo byte NUL", [0x00], 1 },
        { "UTF-16LE senza BOM", Encoding.Unicode.GetBytes(FeedFormat.Header + "\n" + Line(Fields("U16-1", new DateOnly(2026, 11, 30))) + "\n"), 2 },
        { "NUL nell'intestazione", [.. Encoding.UTF8.GetBytes("CODICE_ENTE"), 0x00, .. Encoding.UTF8.GetBytes("|DATA\n")], 12 },
    };

    [Theory]
    [MemberData(nameof(NulFiles))]
    public async Task A_file_with_NUL_bytes_is_refused_with_a_clear_message_and_no_raw_NUL_is_stored(string caso, byte[] file, int byteInLine)
    {
        var client = await portal.OperatoreEnteAsync();
        var before = await portal.CountsAsync(Ente);
        var flusso = await portal.ProcessedAsync(client, (await client.SendAsync(file, "nul.txt")).Id());

        Assert.True(flusso.Stato() == "Respinto", caso + ": " + flusso);
        var issue = Assert.Single(await IssuesAsync(flusso.Id()));
        Assert.Equal(("F09", 1, "0x00"), (issue.Codice, issue.Riga, issue.Valore));
        Assert.Contains($"alla riga 1, byte {byteInLine} della riga", issue.Messaggio);
        Assert.Contains("UTF-16", issue.Messaggio);
        Assert.DoesNotContain('\0', issue.Messaggio);
        Assert.Equal(before, await portal.CountsAsync(Ente));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Flussi}/{flusso.Id()}/errori?formato=xlsx")).StatusCode);

        await NextFeedIsAppliedAsync(client, Unique() + "1");
    }

    [Fact]
    public async Task Other_control_characters_are_refused_but_a_TAB_in_NOTE_is_text()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        var bell = Fields(p + "1", rif).With(FeedFormat.Denominazione, "Rossi\u0007Mario");
        var refused = await portal.ProcessedAsync(client, (await client.SendAsync(Bytes([bell]))).Id());
        Assert.Equal("Respinto", refused.Stato());
        var issue = Assert.Single(await IssuesAsync(refused.Id()));
        Assert.Equal(("F09", 2, "0x07"), (issue.Codice, issue.Riga, issue.Valore));

        var tab = await portal.ProcessedAsync(client, (await client.SendAsync(Bytes([Fields(p + "2", rif).With(FeedFormat.Note, "prima\tdopo")]))).Id());
        Assert.Equal("Applicato", tab.Stato());
        Assert.Equal("prima\tdopo", (await portal.PraticaAsync(Ente, p + "2"))!.Note);
    }

    [Fact]
    public async Task A_feed_whose_processing_fails_for_good_is_refused_with_a_reason_and_the_next_feed_of_the_ente_is_processed()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var id = (await client.SendAsync(Bytes([Fields(p + "1", portal.Yesterday())]))).Id();
        var processor = portal.Services.GetRequiredService<OutboxProcessor>();
        portal.ProtocolloGuasto = true;
        try
        {
            await processor.RunOnceAsync(); // first attempt
            Assert.Equal("InElaborazione", (await client.GetFromJsonAsync<JsonElement>($"{Flussi}/{id}")).Stato());
            portal.Clock.Advance(TimeSpan.FromMinutes(1));
            await processor.RunOnceAsync(); // the last one
        }
        finally
        {
            portal.ProtocolloGuasto = false;
        }

        var flusso = await client.GetFromJsonAsync<JsonElement>($"{Flussi}/{id}");
        Assert.True(flusso.Stato() == "Respinto", flusso.ToString());
        Assert.Contains("Nessuna pratica è stata modificata", flusso.GetProperty("esito").GetString());
        Assert.NotNull(flusso.GetProperty("completatoUtc").GetString());
        Assert.Null(await portal.PraticaAsync(Ente, p + "1"));
        var entry = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking()
            .SingleAsync(e => e.IdempotencyKey == $"{Services.FlussoJobs.Elabora}:verifica:{id}"));
        Assert.Equal(OutboxState.Failed, entry.State);

        await NextFeedIsAppliedAsync(client, p + "1");
    }

    [Fact]
    public async Task A_feed_confirmed_while_a_newer_feed_of_the_ente_waits_is_refused_in_its_turn_and_does_not_overwrite_the_newer_one()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        // A: IMPORTO_DELIBERATO above IMPORTO_RICHIESTO (W01), waiting for confirmation.
        var a = await portal.ProcessedAsync(client, (await client.SendAsync(Bytes([Fields(p + "1", rif, stato: "DELIBERATA").With(FeedFormat.ImportoDeliberato, "20000,00")]))).Id());
        Assert.Equal("ConAvvisi", a.Stato());
        // B: the corrected feed, received later and still queued when A is confirmed.
        portal.Clock.Advance(TimeSpan.FromSeconds(5));
        var b = (await client.SendAsync(Bytes([Fields(p + "1", rif, stato: "DELIBERATA")]))).Id();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Flussi}/{a.Id()}/conferma", null)).StatusCode);

        Assert.Equal("Applicato", (await portal.ProcessedAsync(client, b)).Stato());
        var confirmed = await portal.ProcessedAsync(client, a.Id());
        Assert.True(confirmed.Stato() == "Respinto", confirmed.ToString());
        Assert.Contains("più recente", confirmed.GetProperty("esito").GetString());
        var pratica = await portal.PraticaAsync(Ente, p + "1");
        Assert.Equal((1200050L, b), (pratica!.ImportoDeliberato, pratica.FlussoId));
    }

    [Fact]
    public async Task Amounts_of_13_integer_digits_that_the_format_allows_add_up_without_overflow_in_the_receipt_and_the_reports()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        // 10,000 × 9.999.999.999.999,99 € is 10^19 cents: more than a long holds.
        const int lines = 10_000;
        var feed = Bytes(Enumerable.Range(1, lines).Select(i => Fields($"{p}{i}", rif, stato: "PRESENTATA").With(FeedFormat.ImportoRichiesto, "9999999999999,99")));
        var id = (await client.SendAsync(feed, "grandi-importi.txt")).Id();
        await portal.DrainOutboxAsync(); // ten thousand lines, then the protocol number and the receipt: may take longer than one wait of ProcessedAsync
        var flusso = await portal.ProcessedAsync(client, id);
        Assert.Equal("Applicato", flusso.Stato());
        var riepilogo = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.AsNoTracking().Where(f => f.Id == flusso.Id()).Select(f => f.Riepilogo).SingleAsync());
        Assert.Equal(lines * 999_999_999_999_999m, JsonDocument.Parse(riepilogo!).RootElement.GetProperty("PRESENTATA").GetProperty("richiesto").GetDecimal());

        var cents = await portal.InScopeAsync(async sp => (await sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.AsNoTracking()
            .Where(x => x.EnteCode == Ente).Select(x => x.ImportoRichiesto).ToListAsync()).Sum(x => (decimal)x));
        var funzionario = await portal.FunzionarioAsync();
        var totali = await funzionario.GetAsync($"/api/v1/monitoraggio/report/totali?dimensione=ente&ente={Ente}");
        Assert.True(totali.StatusCode == HttpStatusCode.OK, $"{totali.StatusCode}: {await totali.Content.ReadAsStringAsync()}");
        var row = Assert.Single((await totali.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(cents / 100m, row.GetProperty("richiesto").GetDecimal());
        var andamento = await funzionario.GetAsync($"/api/v1/monitoraggio/report/andamento?ente={Ente}");
        Assert.True(andamento.StatusCode == HttpStatusCode.OK, $"{andamento.StatusCode}: {await andamento.Content.ReadAsStringAsync()}");
        Assert.True((await andamento.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Last().GetProperty("richiesto").GetDecimal() >= lines * 9_999_999_999_999.99m);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync($"/admin/monitoraggio?Ente={Ente}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(flusso.GetProperty("ricevuta").GetString())).StatusCode);
    }

    private async Task<string> TokenAsync(string ente)
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var response = await admin.PostAsJsonAsync("/api/v1/monitoraggio/credenziali", new { ente, etichetta = "Gestionale " + Unique() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private HttpClient Bearer(string token)
    {
        var client = portal.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A second operator of <paramref name="ente"/>, enabled as the Amministratore would.</summary>
    private async Task<HttpClient> SecondOperatorAsync(string ente)
    {
        var cf = TestCodiciFiscali.Make("SCN", "PRT", new DateOnly(1981, 3, 4));
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoreDbContext>();
            if (await db.Persons.AnyAsync(x => x.CodiceFiscale == cf)) return;
            var person = new Person { CodiceFiscale = cf, Nome = "Pietro", Cognome = "Secondo", IsDemo = true, CreatedUtc = DateTime.UtcNow };
            db.Persons.Add(person);
            db.RoleAssignments.Add(new RoleAssignment
            {
                PersonId = person.Id, RoleName = PortalRoles.OperatoreEnte, ScopeType = ScopeTypes.Ente, ScopeValue = ente, GrantedUtc = DateTime.UtcNow, GrantedBy = "test",
            });
            await db.SaveChangesAsync();
        });
        return await portal.LoginAsync(cf, PortalRoles.OperatoreEnte);
    }

    [Fact]
    public async Task The_receipt_of_a_feed_is_downloaded_by_the_entes_token_and_operators_and_by_nobody_of_another_ente()
    {
        var token = Bearer(await TokenAsync(Ente));
        var flusso = await portal.ProcessedAsync(token, (await token.SendAsync(Bytes([Fields(Unique() + "1", portal.Yesterday())]))).Id());
        Assert.Equal("Applicato", flusso.Stato());
        var link = flusso.GetProperty("ricevuta").GetString()!;

        var operatore = await portal.OperatoreEnteAsync();
        var secondo = await SecondOperatorAsync(Ente);
        foreach (var (who, client) in new[] { ("token dell'ente", token), ("operatore dell'ente", operatore), ("secondo operatore dell'ente", secondo) })
        {
            var pdf = await client.GetAsync(link);
            Assert.True(pdf.StatusCode == HttpStatusCode.OK, $"{who}: {pdf.StatusCode} {link}");
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        }
        // The history lists the same link, and the feed's page shows it to the second operator.
        var history = await secondo.GetFromJsonAsync<JsonElement>(Flussi);
        Assert.Contains(history.EnumerateArray(), f => f.Id() == flusso.Id() && f.GetProperty("ricevuta").GetString() == link);
        Assert.Contains($"href=\"{link}\"", await secondo.GetStringAsync($"/monitoraggio/flussi/{flusso.Id()}"));

        var altroOperatore = await portal.OperatoreConfidiAsync();
        var altroToken = Bearer(await TokenAsync(AltroEnte));
        foreach (var (who, client) in new[] { ("operatore di un altro ente", altroOperatore), ("token di un altro ente", altroToken) })
        {
            var refused = await client.GetAsync(link);
            Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who}: {refused.StatusCode}");
        }
    }
}
