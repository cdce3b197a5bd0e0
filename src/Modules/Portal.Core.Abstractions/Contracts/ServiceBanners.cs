namespace Portal.Core.Contracts;

public sealed record ServiceBanner(string Text, string Severity);

/// <summary>Red banners shown at the top of every page while active (AvvisoServizio content).</summary>
public interface IServiceBannerSource
{
    Task<IReadOnlyList<ServiceBanner>> GetActiveAsync(CancellationToken ct = default);
}
