using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Notifications.Templates;
using Portal.Testing;

namespace Portal.Notifications.Tests;

public class AdminTemplateTests(NotificationsPortal portal) : IClassFixture<NotificationsPortal>
{
    private const string Url = "/admin/notifiche/modelli/prova-esito";

    private Task<Model.NotificationTemplate?> TemplateAsync() =>
        portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().FindAsync("prova-esito"));

    /// <summary>The audit entries of template edits written after <paramref name="afterId"/>.</summary>
    private Task<List<Portal.AuditTrail.Model.AuditEntry>> AuditsAfterAsync(long afterId) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Id > afterId && a.Action == "Notifiche.ModelloModificato" && a.Subject == "Modello prova-esito").ToListAsync());

    private Task<long> LastAuditIdAsync() =>
        portal.InScopeAsync(async sp => await sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.MaxAsync(a => (long?)a.Id) ?? 0);

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string, string)[] fields)
    {
        var token = await PortalClient.TokenAsync(client, Url);
        return await client.PostAsync($"{Url}?handler={handler}", PortalClient.Form(token, fields));
    }

    [Fact]
    public async Task The_list_shows_every_template_and_the_editor_lists_the_placeholders()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var list = await client.GetStringAsync("/admin/notifiche/modelli");
        Assert.Contains("href=\"/admin/notifiche/modelli/messaggio\"", list);
        Assert.Contains("href=\"/admin/notifiche/modelli/prova-esito\"", list);
        var page = await client.GetStringAsync(Url);
        foreach (var p in new[] { "numero", "esito", "comune", "nome", "cognome", "portale" })
            Assert.Contains($"<code>{{{p}}}</code>", page);
    }

    [Fact]
    public async Task An_amministratore_edits_a_template_the_change_is_audited_and_used_by_the_next_notification()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var before = await TemplateAsync();
        var lastAudit = await LastAuditIdAsync();
        var r = await PostAsync(client, "Save", ("Revision", before!.Revision.ToString()), ("Subject", "Esito della domanda {numero}"),
            ("Body", "Gentile {nome},\r\nla domanda {numero} ({comune}) è stata {esito}."));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var after = await TemplateAsync();
        Assert.Equal("Esito della domanda {numero}", after!.Subject);
        Assert.Equal("Gentile {nome},\nla domanda {numero} ({comune}) è stata {esito}.", after.Body);
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Equal("Paolo Neri", after.UpdatedBy);
        var audit = Assert.Single(await AuditsAfterAsync(lastAudit));
        Assert.Equal($"Revisione {before.Revision + 1}. Oggetto: «Esito della domanda {{numero}}»; testo modificato.", audit.Details);

        var key = NotificationsPortal.Key("dopo-modifica");
        await portal.EnqueueAsync(new Core.Contracts.NotificationRequest("prova-esito", await portal.PersonIdAsync(Demo.Cittadino), null,
            new Dictionary<string, string> { ["numero"] = "7", ["esito"] = "respinta", ["comune"] = "Pesaro" }, key));
        var message = Assert.Single(await portal.MessagesAsync(key));
        Assert.Equal("Esito della domanda 7", message.Subject);
        Assert.Equal("Gentile Mario,\nla domanda 7 (Pesaro) è stata respinta.", message.Body);

        // A stale form (the revision read before this change) is refused, not silently applied.
        var stale = await PostAsync(client, "Save", ("Revision", before.Revision.ToString()), ("Subject", "Vecchio {numero}"), ("Body", "Vecchio"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("modificato da un'altra persona", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("Esito della domanda {numero}", (await TemplateAsync())!.Subject);
    }

    [Theory]
    [InlineData("", "Testo {esito}", "Subject", "L'oggetto è obbligatorio.")]
    [InlineData("Domanda {numero}", "  ", "Body", "Il testo è obbligatorio.")]
    [InlineData("Domanda {protocollo}", "Testo", "Subject", "Segnaposto sconosciuto: {protocollo}. Quelli disponibili sono: {numero}, {esito}, {nome}, {cognome}, {comune}, {portale}.")]
    [InlineData("Domanda {numero}", "Esito {esito} del {data} a {ora}", "Body", "Segnaposto sconosciuti: {data}, {ora}.")]
    [InlineData("Domanda { numero }", "Testo", "Subject", "Segnaposto sconosciuto: { numero }.")]
    public async Task Invalid_edits_show_an_italian_message_next_to_the_field_and_change_nothing(string subject, string body, string field, string expected)
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var before = await TemplateAsync();
        var lastAudit = await LastAuditIdAsync();
        var r = await PostAsync(client, "Save", ("Revision", before!.Revision.ToString()), ("Subject", subject), ("Body", body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains($"id=\"{field}-errore\" role=\"alert\">{expected}", html);
        Assert.Contains("Il modello non è stato salvato", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        var after = await TemplateAsync();
        Assert.Equal(before.Subject, after!.Subject);
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Empty(await AuditsAfterAsync(lastAudit));
    }

    [Fact]
    public async Task The_preview_renders_the_unsaved_text_with_sample_values_and_saves_nothing()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var before = await TemplateAsync();
        var r = await PostAsync(client, "Preview", ("Revision", before!.Revision.ToString()), ("Subject", "Anteprima {numero}"),
            ("Body", "Comune di {comune}: {esito} per {nome}"), ("Esempio[numero]", "ARM-2026-0000001"), ("Esempio[comune]", "Ancona"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("<strong>Oggetto:</strong> Anteprima ARM-2026-0000001", html);
        Assert.Contains("Comune di Ancona: [esito] per [nome]", html);
        Assert.Equal(before.Subject, (await TemplateAsync())!.Subject);

        var bad = await PostAsync(client, "Preview", ("Revision", before.Revision.ToString()), ("Subject", "{sconosciuto}"), ("Body", "x"));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Subject-errore\" role=\"alert\">Segnaposto sconosciuto: {sconosciuto}.", badHtml);
        Assert.DoesNotContain("data-testid=\"anteprima\"", badHtml);
    }

    [Fact]
    public async Task Only_who_holds_the_permission_reaches_the_template_pages_and_the_mail_log()
    {
        static async Task Denied(HttpClient client, string url)
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/accesso-negato", r.Headers.Location!.OriginalString);
        }
        var editor = await portal.LoginAsync(Demo.Editor, "Editor");
        await Denied(editor, "/admin/notifiche/modelli");
        await Denied(editor, Url);
        await Denied(editor, "/admin/notifiche/posta");
        var token = await PortalClient.LayoutTokenAsync(editor);
        var post = await editor.PostAsync($"{Url}?handler=Save", PortalClient.Form(token, ("Revision", "0"), ("Subject", "Forzato"), ("Body", "Forzato")));
        Assert.Contains("/accesso-negato", post.Headers.Location!.OriginalString);
        Assert.NotEqual("Forzato", (await TemplateAsync())!.Subject);
        var citizen = await portal.LoginAsync(Demo.Cittadino);
        await Denied(citizen, "/admin/notifiche/modelli");
        var anonymous = portal.Anonymous();
        var r = await anonymous.GetAsync("/admin/notifiche/modelli");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/accedi", r.Headers.Location!.PathAndQuery);
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/notifiche/modelli/non-esiste")).StatusCode);
    }

    [Fact]
    public async Task The_mail_log_shows_recipient_template_state_and_attempts_and_filters_them()
    {
        var sent = NotificationsPortal.Key("log-inviata");
        var queued = NotificationsPortal.Key("log-coda");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(null, sent, email: "registro.inviata@example.org", oggetto: "Oggetto inviata") with
            { Values = new Dictionary<string, string> { ["oggetto"] = "Oggetto inviata", ["testo"] = "t", ["nome"] = "Ente" } });
        await portal.RunOutboxAsync();
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(null, queued, email: "registro.coda@example.org") with
            { Values = new Dictionary<string, string> { ["oggetto"] = "Oggetto in coda", ["testo"] = "t", ["nome"] = "Ente" } });

        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var all = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/notifiche/posta?destinatario=registro."));
        Assert.Contains("registro.inviata@example.org", all);
        Assert.Contains("registro.coda@example.org", all);
        Assert.Contains("2 e-mail", all);
        var onlySent = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/notifiche/posta?destinatario=registro.&stato=Inviata"));
        Assert.Contains("registro.inviata@example.org", onlySent);
        Assert.DoesNotContain("registro.coda@example.org", onlySent);
        Assert.Contains("<td>1</td>", onlySent);
        var byTemplate = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/notifiche/posta?destinatario=registro.coda&modello=messaggio&stato=InCoda"));
        Assert.Contains("Oggetto in coda", byTemplate);
        Assert.Contains("In coda", byTemplate);
    }
}
