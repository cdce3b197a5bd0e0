using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Outbox;
using Portal.Notifications.Data;
using Portal.Notifications.Model;
using Portal.Testing;

namespace Portal.Notifications.Tests;

/// <summary>
/// The portal with e-mails written to a pickup folder. The outbox dispatcher is off: the tests run it
/// (<see cref="RunOutboxAsync"/>), so they decide when "sending" happens.
/// </summary>
public class NotificationsPortal : PortalFactory
{
    /// <summary>A template a test module ships, with its own placeholders.</summary>
    public static readonly NotificationTemplateDefault Esito = new("prova-esito", "Esito di una domanda di prova",
        "Domanda {numero}: {esito}", "Gentile {nome} {cognome},\nla domanda {numero} presentata al Comune di {comune} è stata {esito}.\n\n{portale}");

    /// <summary>A second test template, for edits that must not disturb the others.</summary>
    public static readonly NotificationTemplateDefault Promemoria = new("prova-promemoria", "Promemoria di prova", "{oggetto}", "Gentile {nome},\n{testo}");

    public string PickupFolder { get; }

    public NotificationsPortal() : this(TestDatabase.Create(), NewFolder("pickup"), null) { }

    protected NotificationsPortal(TestDatabase database, string pickupFolder, IDictionary<string, string?>? settings)
        : base(database, Settings(pickupFolder, settings))
    {
        PickupFolder = pickupFolder;
    }

    protected static string NewFolder(string prefix) => Path.Combine(Path.GetTempPath(), $"portal-{prefix}-{Guid.NewGuid():N}"[..36]);

    private static Dictionary<string, string?> Settings(string pickupFolder, IDictionary<string, string?>? extra)
    {
        var s = new Dictionary<string, string?>
        {
            ["Portal:Outbox:DispatcherEnabled"] = "false",
            ["Portal:Outbox:RetryBaseSeconds"] = "10",
            ["Portal:Notifications:Delivery"] = "Pickup",
            ["Portal:Notifications:PickupDirectory"] = pickupFolder,
            ["Portal:Notifications:FromAddress"] = "noreply@regione.marche.example",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) s[k] = v;
        return s;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton(Esito).AddSingleton(Promemoria));
    }

    public Task EnqueueAsync(NotificationRequest request) =>
        this.InScopeAsync(async sp => { await sp.GetRequiredService<INotifications>().EnqueueAsync(request); return true; });

    /// <summary>One round of the outbox dispatcher, as a node would run it now.</summary>
    public Task<int> RunOutboxAsync() => Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();

    public Task<SentMail?> MailAsync(string key) =>
        this.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Mails.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key));

    public Task<List<PortalMessage>> MessagesAsync(string key) =>
        this.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Messages.AsNoTracking().Where(m => m.IdempotencyKey == key).ToListAsync());

    public Task<PortalMessage?> MessageAsync(Guid id) =>
        this.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    public Task<List<OutboxEntry>> OutboxAsync(string key) =>
        this.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking().Where(e => e.IdempotencyKey == key).ToListAsync());

    public static string Key(string what) => $"test:{what}:{Guid.NewGuid():N}";

    public static NotificationRequest Messaggio(Guid? person, string key, string? email = null, string oggetto = "Comunicazione di prova", string testo = "La tua pratica è stata aggiornata.") =>
        new("messaggio", person, email, new Dictionary<string, string> { ["oggetto"] = oggetto, ["testo"] = testo }, key);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(PickupFolder))
        {
            try { Directory.Delete(PickupFolder, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>The portal sending through a real SMTP server (<see cref="SmtpSink"/>) started for it.</summary>
public sealed class SmtpPortal : NotificationsPortal, IAsyncLifetime
{
    public SmtpSink Sink { get; }

    public SmtpPortal() : this(new SmtpSink()) { }

    private SmtpPortal(SmtpSink sink) : base(TestDatabase.Create(), NewFolder("unused"), new Dictionary<string, string?>
    {
        ["Portal:Notifications:Delivery"] = "Smtp",
        ["Portal:Notifications:Smtp:Host"] = "127.0.0.1",
        ["Portal:Notifications:Smtp:Port"] = sink.Port.ToString(),
        ["Portal:Notifications:Smtp:Security"] = "None",
        ["Portal:Notifications:Smtp:TimeoutSeconds"] = "10",
        ["Portal:Outbox:MaxAttempts"] = "3",
    })
    {
        Sink = sink;
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Sink.StartAsync();
        _ = Services;
    }

    async Task IAsyncLifetime.DisposeAsync() => await Sink.DisposeAsync();
}
