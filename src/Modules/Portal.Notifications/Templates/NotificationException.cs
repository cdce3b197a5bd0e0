namespace Portal.Notifications.Templates;

/// <summary>A notification refused before anything is written; the message is Italian and says why.</summary>
public sealed class NotificationException(string message) : Exception(message);
