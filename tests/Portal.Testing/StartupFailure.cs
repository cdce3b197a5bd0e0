using Xunit;

namespace Portal.Testing;

/// <summary>A host that must refuse to start: what it said, through the wrapping exceptions of the host's build.</summary>
public static class StartupFailure
{
    /// <summary>Starts the host and returns every message of the exception it failed with (the test fails if it starts).</summary>
    public static string Of(PortalFactory host) => string.Join(" | ", Flatten(Assert.ThrowsAny<Exception>(() => host.CreateClient())).Select(e => e.Message));

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a)
                foreach (var inner in a.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
