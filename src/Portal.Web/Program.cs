using Portal.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
if (await PortalCommandLine.TryRunAsync(app, args) is int exitCode)
    return exitCode;

await app.InitializePortalAsync();
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
