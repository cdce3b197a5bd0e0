using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Notifications.Data;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;
using static Portal.Graduatorie.Tests.RegioneTestHelpers;

namespace Portal.Graduatorie.Tests;

public class RegioneApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<HttpClient> FunzionarioAsync() => portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);

    private Task<HttpClient> AnconaAsync() => portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

    [Fact]
    public async Task A_comune_operator_gets_403_on_every_regional_endpoint_and_the_funzionario_200()
    {
        var finestra = await portal.ScenarioAsync();
        var op = await AnconaAsync();
        var funzionario = await FunzionarioAsync();
        string[] gets = ["/stato", "/consolidato.xlsx", "/consolidato.csv", "/duplicati"];
        foreach (var path in gets)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(Regione(finestra, path))).StatusCode);
            var okResponse = await funzionario.GetAsync(Regione(finestra, path));
            Assert.True(okResponse.StatusCode == HttpStatusCode.OK, path + await okResponse.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync(Regione(finestra, "/graduatoria"))).StatusCode);
        foreach (var path in new[] { "/solleciti", "/graduatoria/costruisci", "/graduatoria/approva", "/graduatoria/pubblica" })
            Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync(Regione(finestra, path), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Anonymous().GetAsync(Regione(finestra, "/stato"))).StatusCode);
        Assert.Empty(await portal.InScopeAsync(sp => sp.GetRequiredService<GraduatorieDbContext>().Solleciti.Where(s => s.FinestraId == finestra).ToListAsync()));
    }

    [Fact]
    public async Task The_status_lists_the_comuni_with_and_without_a_valid_list()
    {
        var finestra = await portal.ScenarioAsync();
        var funzionario = await FunzionarioAsync();

        var all = await (await funzionario.GetAsync(Regione(finestra, "/stato"))).JsonAsync();
        Assert.Equal(2, all.GetProperty("inviati").GetInt32());
        // The demo list has 11 Comuni of AN, AP, FM, MC, PU and Roma, which is outside the region.
        Assert.Equal(11, all.GetProperty("comuni").GetInt32());
        Assert.DoesNotContain(all.GetProperty("elenco").EnumerateArray(), c => c.GetProperty("istat").GetString() == "058091");
        Assert.Equal(all.GetProperty("comuni").GetInt32() - 2, all.GetProperty("mancanti").GetInt32());

        var sent = (await (await funzionario.GetAsync(Regione(finestra, "/stato?filtro=inviati"))).JsonAsync()).GetProperty("elenco");
        Assert.Equal([Pesaro, Ancona], sent.EnumerateArray().Select(c => c.GetProperty("istat").GetString()).Order());
        var ancona = sent.EnumerateArray().Single(c => c.GetProperty("istat").GetString() == Ancona);
        Assert.Equal((3, "Operatore di prova"), (ancona.GetProperty("righe").GetInt32(), ancona.GetProperty("operatore").GetString()));
        Assert.True(ancona.GetProperty("validoDalUtc").GetDateTime() > DateTime.MinValue);

        var missing = (await (await funzionario.GetAsync(Regione(finestra, "/stato?filtro=mancanti"))).JsonAsync()).GetProperty("elenco");
        Assert.DoesNotContain(missing.EnumerateArray(), c => c.GetProperty("istat").GetString() is Ancona or Pesaro);
        Assert.Contains(missing.EnumerateArray(), c => c.GetProperty("istat").GetString() == "042018" && c.GetProperty("operatoriAccreditati").GetInt32() == 1);
        Assert.False(missing.EnumerateArray().First().GetProperty("inviato").GetBoolean());

        var bad = await funzionario.GetAsync(Regione(finestra, "/stato?filtro=boh"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("inviati", (await bad.JsonAsync()).GetProperty("errors").GetProperty("filtro")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await funzionario.GetAsync(Regione(Guid.NewGuid(), "/stato"))).StatusCode);
    }

    [Fact]
    public async Task The_reminder_reaches_exactly_the_operators_of_the_comuni_without_a_list_once_a_day_and_only_while_open()
    {
        var finestra = await portal.CreateFinestraAsync(5);
        await portal.ValidListAsync(finestra, Ancona, Zanardelli);
        var funzionario = await FunzionarioAsync();
        var (anconaOp, pesaroOp) = await portal.InScopeAsync(async sp =>
        {
            var core = sp.GetRequiredService<CoreDbContext>();
            return (await core.Persons.SingleAsync(p => p.CodiceFiscale == Demo.OperatoreAncona), await core.Persons.SingleAsync(p => p.CodiceFiscale == Demo.OperatorePesaro));
        });

        var first = await (await funzionario.PostAsync(Regione(finestra, "/solleciti"), null)).JsonAsync();
        // The Ancona operator is also accredited for 042018 (no list); Ancona (042002) has sent its list.
        Assert.Equal((2, 2, 0), (first.GetProperty("comuniSollecitati").GetInt32(), first.GetProperty("personeSollecitate").GetInt32(), first.GetProperty("giaSollecitateOggi").GetInt32()));
        Assert.Equal(["041044", "042018"], first.GetProperty("comuniSollecitatiIstat").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains(first.GetProperty("comuniSenzaOperatori").EnumerateArray(), e => e.GetString()!.StartsWith("Jesi", StringComparison.Ordinal));

        var mails = await MailsAsync(finestra);
        Assert.Equal(2, mails.Count);
        var toAncona = mails.Single(m => m.PersonId == anconaOp.Id);
        Assert.Contains("042018", toAncona.IdempotencyKey);
        Assert.Contains("Sollecito", toAncona.Subject);
        Assert.Contains(mails, m => m.PersonId == pesaroOp.Id && m.Body.Contains("Pesaro", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.IdempotencyKey.Contains(Ancona, StringComparison.Ordinal));

        var again = await (await funzionario.PostAsync(Regione(finestra, "/solleciti"), null)).JsonAsync();
        Assert.Equal((0, 2), (again.GetProperty("personeSollecitate").GetInt32(), again.GetProperty("giaSollecitateOggi").GetInt32()));
        Assert.Equal(2, (await MailsAsync(finestra)).Count);
        var audited = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.CountAsync(a => a.Action == "Graduatorie.Sollecito" && a.Subject == $"Finestra {finestra}"));
        Assert.Equal(2, audited);

        portal.CloseWindows();
        funzionario = await FunzionarioAsync();
        var closed = await funzionario.PostAsync(Regione(finestra, "/solleciti"), null);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("si è chiusa", (await closed.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(2, (await MailsAsync(finestra)).Count);
    }

    private Task<List<Portal.Notifications.Model.SentMail>> MailsAsync(Guid finestra) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Mails.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith($"graduatorie-sollecito:{finestra:N}")).ToListAsync());

    [Fact]
    public async Task The_consolidated_exports_hold_every_valid_row_with_its_comune_and_the_duplicates_are_listed()
    {
        var finestra = await portal.ScenarioAsync();
        var funzionario = await FunzionarioAsync();

        var xlsx = await funzionario.GetAsync(Regione(finestra, "/consolidato.xlsx"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var wb = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var sheet = wb.Worksheet(1);
            Assert.Equal("COMUNE", sheet.Cell(1, 2).GetString());
            Assert.Equal("VALORE ISEE", sheet.Cell(1, 12).GetString());
            var rows = sheet.RowsUsed().Skip(1).ToList();
            Assert.Equal(5, rows.Count);
            var fabbri = rows.Single(r => r.Cell(4).GetString() == "Fabbri");
            Assert.Equal((Pesaro, "Pesaro", Fabbri.Cf), (fabbri.Cell(1).GetString(), fabbri.Cell(2).GetString(), fabbri.Cell(3).GetString()));
            Assert.Equal(5000m, fabbri.Cell(12).GetValue<decimal>());
            Assert.Equal(new DateTime(2012, 7, 7), fabbri.Cell(6).GetDateTime());
            var mariottiAncona = rows.Single(r => r.Cell(4).GetString() == "Mariotti" && r.Cell(1).GetString() == Ancona);
            Assert.Equal("Pesaro (041044)", mariottiAncona.Cell(14).GetString());
        }

        var csv = await funzionario.GetAsync(Regione(finestra, "/consolidato.csv"));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("CODICE ISTAT COMUNE;COMUNE;CODICE FISCALE STUDENTE;", lines[0]);
        var quercetti = lines.Single(l => l.Contains(";Quercetti;", StringComparison.Ordinal)).Split(';');
        Assert.Equal((Ancona, "Ancona", "02/02/2010", "9000,00", "3"), (quercetti[0], quercetti[1], quercetti[5], quercetti[11], quercetti[10]));

        var duplicates = await (await funzionario.GetAsync(Regione(finestra, "/duplicati"))).JsonAsync();
        var d = Assert.Single(duplicates.EnumerateArray());
        Assert.Equal(Mariotti.Cf, d.GetProperty("codiceFiscaleStudente").GetString());
        Assert.Equal([Ancona, Pesaro], d.GetProperty("comuni").EnumerateArray().Select(c => c.GetProperty("istat").GetString()));
    }

    [Fact]
    public async Task The_graduatoria_is_refused_while_open_then_built_approved_with_checks_and_published_without_names()
    {
        var finestra = await portal.ScenarioAsync(borse: 2);
        var funzionario = await FunzionarioAsync();

        var early = await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("solo dopo la chiusura", (await early.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await funzionario.GetAsync(Regione(finestra, "/graduatoria"))).StatusCode);

        portal.CloseWindows();
        funzionario = await FunzionarioAsync();
        var built = await (await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null)).JsonAsync();
        var pos = built.GetProperty("posizioni").EnumerateArray().ToList();
        // ISEE ascending; Fabbri and Zanardelli tie on ISEE and the younger (Fabbri) comes first; Mariotti once, through Ancona.
        Assert.Equal(["Mariotti", "Fabbri", "Zanardelli", "Quercetti"], pos.Select(p => p.GetProperty("cognomeStudente").GetString()));
        Assert.Equal(["Beneficiario", "Beneficiario", "Idoneo", "Idoneo"], pos.Select(p => p.GetProperty("esito").GetString()));
        Assert.Equal(Ancona, pos[0].GetProperty("comuneIstat").GetString());
        Assert.Equal(1, built.GetProperty("duplicatiEsclusi").GetInt32());
        var codes = pos.Select(p => p.GetProperty("codice").GetString()!).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.Equal(4, codes.Distinct().Count());

        var rebuilt = await (await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null)).JsonAsync();
        Assert.Equal(codes, rebuilt.GetProperty("posizioni").EnumerateArray().Select(p => p.GetProperty("codice").GetString()!));

        var empty = await funzionario.PostAsJsonAsync(Regione(finestra, "/graduatoria/approva"), new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.Contains("numero del decreto", errors.GetProperty("decretoNumero")[0].GetString());
        Assert.Contains("data del decreto", errors.GetProperty("decretoData")[0].GetString());
        var today = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        foreach (var (numero, data, field, text) in new[]
        {
            ("12/2026", today.AddDays(1).ToString("yyyy-MM-dd"), "decretoData", "futura"),
            ("12/2026", today.AddDays(-30).ToString("yyyy-MM-dd"), "decretoData", "precedere la chiusura"),
            ("12/2026", "31/02/2026", "decretoData", "non è una data valida"),
            (new string('9', 51), today.ToString("yyyy-MM-dd"), "decretoNumero", "50 caratteri"),
        })
        {
            var bad = await funzionario.PostAsJsonAsync(Regione(finestra, "/graduatoria/approva"), new { decretoNumero = numero, decretoData = data });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(text, (await bad.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
        }
        var stillDraft = await (await funzionario.GetAsync(Regione(finestra, "/graduatoria"))).JsonAsync();
        Assert.Equal(("Bozza (ricostruibile)", JsonValueKind.Null), (stillDraft.GetProperty("stato").GetString(), stillDraft.GetProperty("decretoNumero").ValueKind));

        var early2 = await funzionario.PostAsync(Regione(finestra, "/graduatoria/pubblica"), null);
        Assert.Equal(HttpStatusCode.Conflict, early2.StatusCode);
        var approved = await (await funzionario.PostAsJsonAsync(Regione(finestra, "/graduatoria/approva"),
            new { decretoNumero = "DD 123/2026", decretoData = today.ToString("dd/MM/yyyy") })).JsonAsync();
        Assert.Equal(("Approvata", "DD 123/2026"), (approved.GetProperty("stato").GetString(), approved.GetProperty("decretoNumero").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null)).StatusCode);

        var published = await (await funzionario.PostAsync(Regione(finestra, "/graduatoria/pubblica"), null)).JsonAsync();
        Assert.Equal("Pubblicata", published.GetProperty("stato").GetString());
        var contentId = published.GetProperty("contenutoId").GetGuid();
        var content = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Contents.Services.ContentQueries>().GetPublishedAsync(contentId));
        Assert.NotNull(content);
        Assert.Equal((Portal.Contents.Model.ContentTypes.Graduatoria, finestra, "DD 123/2026", DateOnly.FromDateTime(today)),
            (content.Item.ContentType, content.Data.FinestraId, content.Data.DecretoNumero, content.Data.DecretoData));
        var avvisoId = await portal.InScopeAsync(async sp => (await sp.GetRequiredService<Portal.Contents.Contracts.IFinestre>().GetAsync(finestra))!.AvvisoId);
        Assert.Equal(avvisoId, content.Item.ParentId);
        var page = await portal.Anonymous().GetAsync($"/graduatorie/{contentId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.All(codes, c => Assert.Contains(c, html));
        Assert.Contains("DD 123/2026", html);
        Assert.Contains("<th>Codice</th>", html);
        Assert.Contains($"<td>{codes[0]}</td>", html);
        Assert.Contains("Beneficiario", html);
        Assert.Contains("Pesaro", html);
        foreach (var s in new[] { Zanardelli, Quercetti, Mariotti, Fabbri })
        {
            Assert.DoesNotContain(s.Cognome, html);
            Assert.DoesNotContain(s.Cf, html);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await funzionario.PostAsync(Regione(finestra, "/graduatoria/pubblica"), null)).StatusCode);
    }

    [Fact]
    public async Task A_comune_operator_sees_only_the_codes_of_its_own_students_once_approved()
    {
        var finestra = await portal.ScenarioAsync(borse: 3);
        portal.CloseWindows();
        var ancona = await AnconaAsync();
        var pesaro = await portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        var own = $"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/graduatoria";
        var funzionario = await FunzionarioAsync();
        var built = await (await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null)).JsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await ancona.GetAsync(own)).StatusCode);
        var today = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        await funzionario.PostAsJsonAsync(Regione(finestra, "/graduatoria/approva"), new { decretoNumero = "7", decretoData = today.ToString("yyyy-MM-dd") });

        var list = await (await ancona.GetAsync(own)).JsonAsync();
        Assert.Equal(["Mariotti", "Zanardelli", "Quercetti"], list.EnumerateArray().Select(s => s.GetProperty("cognomeStudente").GetString()));
        var expected = built.GetProperty("posizioni").EnumerateArray().Where(p => p.GetProperty("comuneIstat").GetString() == Ancona)
            .Select(p => p.GetProperty("codice").GetString());
        Assert.Equal(expected, list.EnumerateArray().Select(s => s.GetProperty("codice").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await ancona.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Pesaro}/graduatoria")).StatusCode);
        var pesaroList = await (await pesaro.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Pesaro}/graduatoria")).JsonAsync();
        Assert.Equal(["Fabbri"], pesaroList.EnumerateArray().Select(s => s.GetProperty("cognomeStudente").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await pesaro.GetAsync(own)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_regional_endpoints_with_italian_summaries()
    {
        var doc = await portal.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/stato", "/solleciti", "/consolidato.xlsx", "/consolidato.csv", "/duplicati", "/graduatoria",
                     "/graduatoria/costruisci", "/graduatoria/approva", "/graduatoria/pubblica" })
            Assert.True(paths.TryGetProperty("/api/v1/graduatorie/regione/finestre/{finestraId}" + path, out _), path);
        Assert.True(paths.TryGetProperty("/api/v1/graduatorie/finestre/{finestraId}/comuni/{comune}/graduatoria", out var comune));
        Assert.Contains("codice", comune.GetProperty("get").GetProperty("summary").GetString());
    }
}
