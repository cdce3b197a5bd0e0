using System.Net;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>Receipt codes and logins cannot be hammered from one address.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task Guessing_receipt_codes_is_throttled_with_an_Italian_429()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:RateLimits:VerificationsPerMinute"] = "5" });
        var client = portal.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++) statuses.Add((await client.GetAsync($"/verifica/ZZZZ{i:D4}ZZZZ")).StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), statuses.Take(5));
        var refused = await client.GetAsync("/verifica/ZZZZ9999ZZZZ");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Attendi un minuto", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_attempts_are_throttled()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create(), new Dictionary<string, string?> { ["Portal:RateLimits:LoginsPerMinute"] = "3" });
        var client = portal.Anonymous();
        var codes = new List<int>();
        for (var i = 0; i < 5; i++)
            codes.Add((int)(await client.PostAsync("/accesso-di-prova", new FormUrlEncodedContent([new("personId", Guid.NewGuid().ToString())]))).StatusCode);
        Assert.DoesNotContain(429, codes.Take(3));
        Assert.Equal(429, codes[^1]);
    }
}
