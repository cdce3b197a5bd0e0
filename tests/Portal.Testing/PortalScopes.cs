using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;

namespace Portal.Testing;

/// <summary>Runs test code in a fresh DI scope of the portal, as one request would.</summary>
public static class PortalScopes
{
    public static async Task<T> InScopeAsync<T>(this PortalFactory portal, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static async Task InScopeAsync(this PortalFactory portal, Func<IServiceProvider, Task> action)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>The id of the person with this codice fiscale (a demo person, or one a test created); fails if there is none.</summary>
    public static Task<Guid> PersonIdAsync(this PortalFactory portal, string codiceFiscale) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<IPeople>().FindByCodiceFiscaleAsync(codiceFiscale)
            ?? throw new InvalidOperationException($"Nessuna persona con codice fiscale {codiceFiscale}.")).Id);
}
