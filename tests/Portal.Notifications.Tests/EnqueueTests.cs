using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Notifications.Data;
using Portal.Notifications.Model;
using Portal.Notifications.Sending;
using Portal.Notifications.Templates;
using Portal.Testing;

namespace Portal.Notifications.Tests;

public class EnqueueTests(NotificationsPortal portal) : IClassFixture<NotificationsPortal>
{
    [Fact]
    public async Task A_notification_writes_the_message_the_mail_log_and_one_outbox_item_then_the_pickup_folder_gets_one_eml()
    {
        var person = await portal.PersonIdAsync(Demo.Cittadino);
        var key = NotificationsPortal.Key("esito");
        await portal.EnqueueAsync(new NotificationRequest("prova-esito", person, null,
            new Dictionary<string, string> { ["numero"] = "ARM-2026-0000042", ["esito"] = "accolta", ["comune"] = "Ancona" }, key));

        var message = Assert.Single(await portal.MessagesAsync(key));
        Assert.Equal(person, message.PersonId);
        Assert.Equal("Domanda ARM-2026-0000042: accolta", message.Subject);
        Assert.Contains("Gentile Mario Rossi,\nla domanda ARM-2026-0000042 presentata al Comune di Ancona è stata accolta.", message.Body);
        Assert.Contains("Portale dei servizi", message.Body);
        Assert.Null(message.ReadUtc);
        var mail = await portal.MailAsync(key);
        Assert.Equal("mario.rossi@example.org", mail!.Recipient);
        Assert.Equal(MailState.InCoda, mail.State);
        var entry = Assert.Single(await portal.OutboxAsync(key));
        Assert.Equal("notifica", entry.Kind);

        Assert.True(await portal.RunOutboxAsync() >= 1);
        var file = Path.Combine(portal.PickupFolder, MailComposer.MessageIdFor(key) + ".eml");
        Assert.True(File.Exists(file), "nessun file .eml nella cartella di prelievo");
        var eml = await MimeMessage.LoadAsync(file);
        Assert.Equal("Domanda ARM-2026-0000042: accolta", eml.Subject);
        Assert.Equal("mario.rossi@example.org", eml.To.Mailboxes.Single().Address);
        Assert.Equal("noreply@regione.marche.example", eml.From.Mailboxes.Single().Address);
        Assert.Equal($"{MailComposer.MessageIdFor(key)}@regione.marche.example", eml.MessageId);
        Assert.Contains("è stata accolta", eml.TextBody);
        Assert.Single(Directory.GetFiles(portal.PickupFolder, MailComposer.MessageIdFor(key) + "*"));
        mail = await portal.MailAsync(key);
        Assert.Equal(MailState.Inviata, mail!.State);
        Assert.Equal(1, mail.Attempts);
        Assert.NotNull(mail.SentUtc);
    }

    [Fact]
    public async Task Enqueueing_the_same_key_twice_gives_one_message_and_one_email()
    {
        var person = await portal.PersonIdAsync(Demo.OperatoreAncona);
        var key = NotificationsPortal.Key("doppia");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(person, key));
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(person, key, testo: "Un testo diverso, stessa chiave."));
        await portal.RunOutboxAsync();
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(person, key));
        await portal.RunOutboxAsync();

        var message = Assert.Single(await portal.MessagesAsync(key));
        Assert.Contains("La tua pratica è stata aggiornata.", message.Body);
        Assert.Single(await portal.OutboxAsync(key));
        Assert.Equal(1, (await portal.MailAsync(key))!.Attempts);
        Assert.Single(Directory.GetFiles(portal.PickupFolder, MailComposer.MessageIdFor(key) + "*"));
    }

    public static TheoryData<string, NotificationRequest, string> Refusals => new()
    {
        { "modello sconosciuto", new NotificationRequest("non-esiste", null, "a@example.org", new Dictionary<string, string>(), "k"), "Modello di notifica «non-esiste» sconosciuto." },
        { "segnaposto mancante", new NotificationRequest("prova-esito", null, "a@example.org",
            new Dictionary<string, string> { ["numero"] = "1", ["esito"] = "accolta", ["nome"] = "A", ["cognome"] = "B" }, "k"),
            "Manca il valore del segnaposto {comune} richiesto dal modello «prova-esito»." },
        { "nessun destinatario", NotificationsPortal.Messaggio(null, "k"), "La notifica non ha destinatario: indicare una persona o un indirizzo e-mail." },
        { "persona sconosciuta", NotificationsPortal.Messaggio(Guid.NewGuid(), "k"), "La persona destinataria della notifica non esiste." },
        { "indirizzo non valido", NotificationsPortal.Messaggio(null, "k", email: "mario.rossi(at)example.org"), "L'indirizzo e-mail «mario.rossi(at)example.org» non è valido." },
        { "chiave vuota", NotificationsPortal.Messaggio(null, " ", email: "a@example.org"), "La notifica non ha una chiave di idempotenza." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_requests_are_refused_with_an_italian_message_and_write_nothing(string what, NotificationRequest request, string expected)
    {
        var key = NotificationsPortal.Key(what.Replace(' ', '-'));
        if (request.IdempotencyKey == "k") request = request with { IdempotencyKey = key };
        var e = await Assert.ThrowsAsync<PortalException>(() => portal.EnqueueAsync(request));
        Assert.Equal(expected, e.Message);
        Assert.Null(await portal.MailAsync(key));
        Assert.Empty(await portal.MessagesAsync(key));
        Assert.Empty(await portal.OutboxAsync(key));
    }

    [Fact]
    public async Task A_person_without_email_still_gets_the_in_portal_message_and_no_email_is_queued()
    {
        var person = await portal.InScopeAsync(async sp =>
        {
            var core = sp.GetRequiredService<CoreDbContext>();
            var p = new Person { CodiceFiscale = ("X" + Guid.NewGuid().ToString("N"))[..16].ToUpperInvariant(), Nome = "Lucia", Cognome = "Verdi", CreatedUtc = DateTime.UtcNow };
            core.Persons.Add(p);
            await core.SaveChangesAsync();
            return p.Id;
        });
        var key = NotificationsPortal.Key("senza-email");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(person, key));
        Assert.Contains("Gentile Lucia,", Assert.Single(await portal.MessagesAsync(key)).Body);
        var mail = await portal.MailAsync(key);
        Assert.Equal(MailState.SenzaIndirizzo, mail!.State);
        Assert.Null(mail.Recipient);
        Assert.Empty(await portal.OutboxAsync(key));
    }

    [Fact]
    public async Task An_explicit_address_overrides_the_persons_and_without_a_person_there_is_no_in_portal_message()
    {
        var person = await portal.PersonIdAsync(Demo.Funzionario);
        var key = NotificationsPortal.Key("esplicito");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(person, key, email: "ufficio.protocollo@regione.marche.example"));
        Assert.Equal("ufficio.protocollo@regione.marche.example", (await portal.MailAsync(key))!.Recipient);
        Assert.Single(await portal.MessagesAsync(key));

        var onlyEmail = NotificationsPortal.Key("solo-email");
        await portal.EnqueueAsync(new NotificationRequest("messaggio", null, "esterno@example.org",
            new Dictionary<string, string> { ["oggetto"] = "Avviso", ["testo"] = "Testo", ["nome"] = "Ente esterno" }, onlyEmail));
        Assert.Empty(await portal.MessagesAsync(onlyEmail));
        Assert.Equal("esterno@example.org", (await portal.MailAsync(onlyEmail))!.Recipient);
        Assert.Single(await portal.OutboxAsync(onlyEmail));
    }

    [Fact]
    public async Task The_notification_is_part_of_the_callers_transaction()
    {
        var person = await portal.PersonIdAsync(Demo.Cittadino);
        var rolledBack = NotificationsPortal.Key("annullata");
        var committed = NotificationsPortal.Key("confermata");
        foreach (var (key, commit) in new[] { (rolledBack, false), (committed, true) })
        {
            await portal.InScopeAsync(async sp =>
            {
                await using var work = await sp.GetRequiredService<IUnitOfWork>().BeginAsync();
                await sp.GetRequiredService<INotifications>().EnqueueAsync(NotificationsPortal.Messaggio(person, key));
                if (commit) await work.CompleteAsync();
                return true;
            });
        }
        Assert.Empty(await portal.MessagesAsync(rolledBack));
        Assert.Null(await portal.MailAsync(rolledBack));
        Assert.Empty(await portal.OutboxAsync(rolledBack));
        Assert.Single(await portal.MessagesAsync(committed));
        Assert.Single(await portal.OutboxAsync(committed));
    }

    [Fact]
    public async Task Values_are_inserted_as_text_and_a_subject_stays_on_one_line()
    {
        var person = await portal.PersonIdAsync(Demo.Cittadino);
        var key = NotificationsPortal.Key("valori");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(person, key, oggetto: "Prima riga\r\nBcc: intruso@example.org", testo: "Valore con {nome} e {comune} letterali"));
        var message = Assert.Single(await portal.MessagesAsync(key));
        Assert.Equal("Prima riga  Bcc: intruso@example.org", message.Subject);
        Assert.Contains("Valore con {nome} e {comune} letterali", message.Body);
    }

    [Fact]
    public async Task Registered_defaults_are_stored_once_and_an_edit_survives_a_new_sync()
    {
        var templates = await portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().ListAsync());
        var generic = Assert.Single(templates, t => t.Code == "messaggio");
        Assert.Equal(["oggetto", "nome", "testo", "portale", "cognome"], generic.PlaceholderList);
        Assert.Equal(DefaultTemplates.Generic.Body, generic.Body);
        Assert.Null(generic.UpdatedBy);

        var code = NotificationsPortal.Promemoria.Code;
        await portal.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<TemplateStore>();
            var t = (await store.FindAsync(code))!;
            return await store.UpdateAsync(code, t.Revision, "Dal portale: {oggetto}", t.Body, "Paolo Neri");
        });
        Assert.Equal(0, await portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().SyncDefaultsAsync()));
        var after = await portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().FindAsync(code));
        Assert.Equal("Dal portale: {oggetto}", after!.Subject);
        Assert.Equal("Paolo Neri", after.UpdatedBy);

        var key = NotificationsPortal.Key("modificato");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(await portal.PersonIdAsync(Demo.Cittadino), key, oggetto: "Scadenza vicina") with { Template = code });
        Assert.Equal("Dal portale: Scadenza vicina", Assert.Single(await portal.MessagesAsync(key)).Subject);
    }

    [Fact]
    public async Task A_registered_default_not_yet_stored_is_used_as_it_is_and_stored_by_the_next_sync()
    {
        await portal.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Templates.Where(t => t.Code == "prova-esito").ExecuteDeleteAsync());
        var key = NotificationsPortal.Key("non-salvato");
        await portal.EnqueueAsync(new NotificationRequest("prova-esito", await portal.PersonIdAsync(Demo.Cittadino), null,
            new Dictionary<string, string> { ["numero"] = "9", ["esito"] = "accolta", ["comune"] = "Fano" }, key));
        Assert.Equal("Domanda 9: accolta", Assert.Single(await portal.MessagesAsync(key)).Subject);
        Assert.Null(await portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().FindAsync("prova-esito")));
        Assert.Equal(1, await portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().SyncDefaultsAsync()));
        Assert.NotNull(await portal.InScopeAsync(sp => sp.GetRequiredService<TemplateStore>().FindAsync("prova-esito")));
    }

    [Theory]
    [InlineData(null, "Development", true)]
    [InlineData(null, "Production", false)]
    [InlineData(null, "Testing", false)]
    [InlineData("Pickup", "Production", true)]
    [InlineData("smtp", "Development", false)]
    public void Development_writes_to_the_pickup_folder_unless_configured_otherwise(string? delivery, string environment, bool pickup)
    {
        var env = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        Assert.Equal(pickup, MailTransport.UsesPickup(new NotificationsOptions { Delivery = delivery }, env));
    }
}
