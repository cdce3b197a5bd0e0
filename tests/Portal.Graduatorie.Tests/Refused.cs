using Portal.Core.Errors;

namespace Portal.Graduatorie.Tests;

/// <summary>Asserts that a service call is refused with a <see cref="PortalException"/> of the expected kind.</summary>
internal static class Refused
{
    public static async Task<PortalException> ThrowsAsync(PortalErrorKind kind, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<PortalException>(call);
        Assert.Equal(kind, e.Kind);
        return e;
    }
}
