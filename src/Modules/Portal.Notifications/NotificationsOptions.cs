namespace Portal.Notifications;

/// <summary>Configuration section Portal:Notifications.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Portal:Notifications";

    /// <summary>"Smtp" or "Pickup"; when empty, Pickup in Development and Smtp elsewhere.</summary>
    public string? Delivery { get; set; }

    /// <summary>Folder where each e-mail is written as an .eml file (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "App_Data/posta-in-uscita";

    public string FromAddress { get; set; } = "noreply@portale.invalid";

    /// <summary>Shown as the sender's name; the portal's name when empty.</summary>
    public string? FromName { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTls";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 60;
}
