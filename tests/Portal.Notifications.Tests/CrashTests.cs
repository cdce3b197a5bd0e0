using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Notifications.Data;
using Portal.Notifications.Model;
using Portal.Notifications.Sending;
using Portal.Testing;

namespace Portal.Notifications.Tests;

/// <summary>
/// "A crash between commit and sending (simulated by killing the dispatcher) neither loses nor doubles an
/// email": real portal processes on one database, the first killed while it is sending.
/// </summary>
public class CrashTests
{
    [Fact]
    public async Task A_dispatcher_killed_while_sending_neither_loses_nor_doubles_the_email()
    {
        var database = TestDatabase.Create();
        await using var sink = await SmtpSink.StartNewAsync();
        // An SMTP "server" that accepts the connection and never answers: the sender hangs there.
        var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            try { while (true) held.Add(await blackHole.AcceptTcpClientAsync()); }
            catch (ObjectDisposedException) { }
            catch (SocketException) { }
        });
        try
        {
            // 1. The change and its notification are committed by a node whose dispatcher never runs.
            var key = NotificationsPortal.Key("crash");
            using (var writer = PortalFactory.Create(database, new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = "false" }))
            {
                await using var scope = writer.Services.CreateAsyncScope();
                var person = await scope.ServiceProvider.GetRequiredService<Core.Data.CoreDbContext>().Persons
                    .Where(p => p.CodiceFiscale == Demo.Cittadino).Select(p => p.Id).SingleAsync();
                await scope.ServiceProvider.GetRequiredService<INotifications>().EnqueueAsync(NotificationsPortal.Messaggio(person, key));
                // writer is not disposed here: disposing it would drop the database. It simply never dispatches.
                await RunNodesAsync(database, sink, ((IPEndPoint)blackHole.LocalEndpoint).Port, key, writer);
            }
        }
        finally
        {
            blackHole.Stop();
            foreach (var c in held) c.Dispose();
        }
    }

    private static async Task RunNodesAsync(TestDatabase database, SmtpSink sink, int blackHolePort, string key, PortalFactory observer)
    {
        var common = new Dictionary<string, string?>
        {
            ["Portal:Outbox:PollMilliseconds"] = "100",
            ["Portal:Outbox:LeaseSeconds"] = "3",
            ["Portal:Notifications:Delivery"] = "Smtp",
            ["Portal:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Portal:Notifications:Smtp:Security"] = "None",
            ["Portal:Notifications:Smtp:TimeoutSeconds"] = "120",
        };
        // 2. A node starts, takes the e-mail and hangs in the SMTP conversation; it is killed there.
        var first = await PortalProcess.StartAsync(database, new Dictionary<string, string?>(common) { ["Portal:Notifications:Smtp:Port"] = blackHolePort.ToString() });
        await using (first)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await MailAsync(observer, key))?.Attempts is null or 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "il primo nodo non ha preso l'e-mail:\n" + first.Output);
                await Task.Delay(100);
            }
        }
        var afterKill = await MailAsync(observer, key);
        Assert.NotEqual(MailState.Inviata, afterKill!.State);
        Assert.Empty(sink.Received());

        // 3. Another node starts on the same database: once the dead node's lease expires it sends, once.
        await using var second = await PortalProcess.StartAsync(database, new Dictionary<string, string?>(common) { ["Portal:Notifications:Smtp:Port"] = sink.Port.ToString() });
        var id = MailComposer.MessageIdFor(key);
        Assert.Single(await sink.WaitForAsync(id, TimeSpan.FromSeconds(60)));
        await Task.Delay(2000);
        Assert.Single(sink.ReceivedWithId(id));
        var sent = await MailAsync(observer, key);
        Assert.Equal(MailState.Inviata, sent!.State);
        Assert.Equal(2, sent.Attempts);
    }

    private static async Task<SentMail?> MailAsync(PortalFactory portal, string key)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Mails.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key);
    }
}
