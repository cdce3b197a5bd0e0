namespace Portal.DevIdp.Services;

/// <summary>A request the test IdP will not answer; the message (Italian) is shown on its page, for the developer.</summary>
public sealed class DevIdpRefusal(string message) : Exception(message);
