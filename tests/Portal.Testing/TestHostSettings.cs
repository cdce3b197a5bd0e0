namespace Portal.Testing;

/// <summary>The configuration every test host gets (in-process or as a process): its database, the repo's recipes, dev login on plain http.</summary>
public static class TestHostSettings
{
    public static Dictionary<string, string?> For(TestDatabase database, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = database.Provider.ToString(),
            ["Portal:Database:ConnectionString"] = database.ConnectionString,
            ["Portal:Setup:RecipesPath"] = RepoPaths.Recipes,
            ["Portal:Setup:RunDemo"] = "true",
            ["Portal:ComuniCsvPath"] = "",
            ["Portal:DevLogin:Enabled"] = "true",
            ["Portal:Session:AllowHttp"] = "true",
            // Every test logs in from the same address many times a minute; RateLimitTests sets its own limits.
            ["Portal:RateLimits:LoginsPerMinute"] = "1000000",
            ["Portal:RateLimits:VerificationsPerMinute"] = "1000000",
            ["Portal:RateLimits:LookupsPerHour"] = "1000000",
            // Keep test output readable: warnings and errors only.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }
}
