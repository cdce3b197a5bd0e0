using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Protocol;
using Portal.Testing;

namespace Portal.Bench;

/// <summary>
/// Protocol numbers per second with N concurrent takers on a fresh database of the chosen provider
/// (PORTAL_TEST_PROVIDER / PORTAL_TEST_POSTGRES, as in the tests). A load run, not a micro-benchmark.
/// </summary>
public static class ProtocolLoad
{
    public static async Task RunAsync(int total, int tasks)
    {
        using var portal = new PortalFactory();
        _ = portal.Services;
        await RegisterManyAsync(portal, "warmup", 50, 4);
        var watch = Stopwatch.StartNew();
        await RegisterManyAsync(portal, "load", total, tasks);
        watch.Stop();
        Console.WriteLine($"protocollo [{portal.Database.Provider}]: {total} numeri con {tasks} task in {watch.Elapsed.TotalSeconds:0.00} s = {total / watch.Elapsed.TotalSeconds:0} numeri/s");
    }

    private static async Task RegisterManyAsync(PortalFactory portal, string prefix, int total, int tasks)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await using var scope = portal.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IProtocolRegister>().RegisterAsync("Bench", $"{prefix}-{i}", null);
            }
        })));
    }
}
