using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Outbox;
using Portal.Notifications.Model;
using Portal.Notifications.Sending;
using Portal.Testing;

namespace Portal.Notifications.Tests;

/// <summary>Sending through a real SMTP server (Python's smtpd on a loopback port).</summary>
public class SmtpTests(SmtpPortal portal) : IClassFixture<SmtpPortal>
{
    [Fact]
    public async Task The_email_reaches_a_real_smtp_server_with_a_message_id_derived_from_the_key()
    {
        var key = NotificationsPortal.Key("smtp");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(await portal.PersonIdAsync(Demo.Cittadino), key, oggetto: "Conferma di ricezione – perché è arrivata"));
        await portal.RunOutboxAsync();

        var id = MailComposer.MessageIdFor(key);
        var mail = Assert.Single(await portal.Sink.WaitForAsync(id, TimeSpan.FromSeconds(10)));
        Assert.Equal("Conferma di ricezione – perché è arrivata", mail.Subject);
        Assert.Equal("mario.rossi@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("mario.rossi@example.org", mail.Headers["X-Sink-Rcpt-To"]);
        Assert.Contains("Gentile Mario,", mail.TextBody);
        Assert.Contains("La tua pratica è stata aggiornata.", mail.TextBody);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var logged = await portal.MailAsync(key);
        Assert.Equal(MailState.Inviata, logged!.State);
        Assert.Equal(OutboxState.Done, Assert.Single(await portal.OutboxAsync(key)).State);
    }

    [Fact]
    public async Task A_message_handed_over_again_after_it_was_sent_is_not_sent_twice()
    {
        var key = NotificationsPortal.Key("di-nuovo");
        await portal.EnqueueAsync(NotificationsPortal.Messaggio(await portal.PersonIdAsync(Demo.OperatorePesaro), key));
        await portal.RunOutboxAsync();
        var id = MailComposer.MessageIdFor(key);
        Assert.Single(await portal.Sink.WaitForAsync(id, TimeSpan.FromSeconds(10)));

        // As if the node had died after sending but before the outbox recorded it: the entry is pending again.
        await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Outbox.Where(e => e.IdempotencyKey == key)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, OutboxState.Pending).SetProperty(e => e.CompletedUtc, (DateTime?)null)));
        Assert.True(await portal.RunOutboxAsync() >= 1);
        Assert.Equal(OutboxState.Done, Assert.Single(await portal.OutboxAsync(key)).State);
        await Task.Delay(500);
        Assert.Single(portal.Sink.ReceivedWithId(id));
        Assert.Equal(1, (await portal.MailAsync(key))!.Attempts);
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_email_is_retried_with_back_off_and_sent_once_it_is_up()
    {
        var key = NotificationsPortal.Key("riprova");
        var id = MailComposer.MessageIdFor(key);
        await portal.Sink.StopAsync();
        try
        {
            await portal.EnqueueAsync(NotificationsPortal.Messaggio(await portal.PersonIdAsync(Demo.Editor), key));
            await portal.RunOutboxAsync();
            var failed = await portal.MailAsync(key);
            Assert.Equal(MailState.Errore, failed!.State);
            Assert.Equal(1, failed.Attempts);
            Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
            var entry = Assert.Single(await portal.OutboxAsync(key));
            Assert.Equal(OutboxState.Pending, entry.State);
            Assert.True(entry.DueUtc > portal.Clock.GetUtcNow().UtcDateTime, "il nuovo tentativo deve essere differito");

            // Not due yet: nothing is attempted.
            await portal.RunOutboxAsync();
            Assert.Equal(1, (await portal.MailAsync(key))!.Attempts);
        }
        finally
        {
            await portal.Sink.StartAsync();
        }
        portal.Clock.Advance(TimeSpan.FromSeconds(11));
        await portal.RunOutboxAsync();
        Assert.Single(await portal.Sink.WaitForAsync(id, TimeSpan.FromSeconds(10)));
        var sent = await portal.MailAsync(key);
        Assert.Equal(MailState.Inviata, sent!.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await portal.RunOutboxAsync();
        Assert.Single(portal.Sink.ReceivedWithId(id));
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_the_log_says_the_email_was_not_sent()
    {
        var key = NotificationsPortal.Key("esaurita");
        await portal.Sink.StopAsync();
        try
        {
            await portal.EnqueueAsync(NotificationsPortal.Messaggio(await portal.PersonIdAsync(Demo.Funzionario), key));
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await portal.RunOutboxAsync();
                Assert.Equal(attempt, (await portal.MailAsync(key))!.Attempts);
                portal.Clock.Advance(TimeSpan.FromMinutes(2));
            }
            var mail = await portal.MailAsync(key);
            Assert.Equal(MailState.Abbandonata, mail!.State);
            Assert.Equal(OutboxState.Failed, Assert.Single(await portal.OutboxAsync(key)).State);
            await portal.RunOutboxAsync();
            Assert.Equal(3, (await portal.MailAsync(key))!.Attempts);
        }
        finally
        {
            await portal.Sink.StartAsync();
        }

        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/admin/notifiche/posta?destinatario=anna.russo&stato=Abbandonata"));
        Assert.Contains("anna.russo@regione.example", html);
        Assert.Contains("Non inviata: tentativi esauriti", html);
        Assert.Contains("<td>3</td>", html);
    }
}
