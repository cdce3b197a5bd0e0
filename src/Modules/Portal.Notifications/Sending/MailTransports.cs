using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Notifications.Sending;

/// <summary>Hands a composed e-mail over: to the SMTP server, or to the pickup folder.</summary>
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

internal static class MailTransport
{
    public static bool UsesPickup(NotificationsOptions o, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(o.Delivery) ? environment.IsDevelopment() : o.Delivery.Equals("Pickup", StringComparison.OrdinalIgnoreCase);

    public static IMailTransport Create(IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        return UsesPickup(o, environment)
            ? new PickupMailTransport(Path.GetFullPath(o.PickupDirectory, environment.ContentRootPath))
            : new SmtpMailTransport(o.Smtp);
    }
}

/// <summary>Writes {Message-Id}.eml; the same message written again replaces the same file.</summary>
internal sealed class PickupMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = (message.MessageId ?? throw new InvalidOperationException("E-mail senza Message-Id.")).Split('@')[0];
        var target = Path.Combine(Directory, name + ".eml");
        var temp = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        await message.WriteToAsync(temp, ct);
        File.Move(temp, target, overwrite: true);
    }
}

internal sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
            throw new InvalidOperationException("Server SMTP non configurato (Portal:Notifications:Smtp:Host).");
        if (!Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var security))
            throw new InvalidOperationException($"Portal:Notifications:Smtp:Security non valido: «{options.Security}».");
        using var client = new SmtpClient { Timeout = Math.Max(1, options.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(options.Host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.Username))
            await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
