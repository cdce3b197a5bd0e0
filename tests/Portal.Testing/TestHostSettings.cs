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
            // E-mails go to a folder of this run, not to an SMTP server that is not there (tests of the SMTP path set their own).
            ["Portal:Notifications:Delivery"] = "Pickup",
            ["Portal:Notifications:PickupDirectory"] = MailFolder.Value,
            ["Portal:DataProtection:CertificatePath"] = TestKeyRingCertificate.Path,
            ["Portal:DataProtection:CertificatePassword"] = TestKeyRingCertificate.Password,
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

    private static readonly Lazy<string> MailFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portal-test-mail-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return folder;
    });
}
