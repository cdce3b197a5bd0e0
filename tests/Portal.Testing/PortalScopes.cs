using Microsoft.Extensions.DependencyInjection;

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
}
