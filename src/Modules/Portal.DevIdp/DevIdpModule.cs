using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core.Modules;
using Portal.DevIdp.Apis;
using Portal.DevIdp.Services;

[assembly: PortalModule(typeof(Portal.DevIdp.DevIdpModule))]

namespace Portal.DevIdp;

/// <summary>
/// A SAML identity provider the portal serves for itself in Development (SPID, CIE and Cohesion entities), so that the
/// real login buttons complete a real signed exchange without an external IdP. The Identity module trusts it through its
/// ordinary Providers configuration (metadata on the portal's own address, see appsettings.Development.json).
/// Never in any other environment: there its metadata is not mapped and its pages answer 404.
/// </summary>
public sealed class DevIdpModule : PortalModule
{
    public override string Name => "Portal.DevIdp";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        var s = context.Services;
        s.AddSingleton(new DevIdpSwitch(Enabled(context)));
        // Registered in every environment because the pages take them, but inert unless the switch is on: the key is made
        // at first use, nothing runs in the background, the metadata is not mapped and the pages answer 404.
        s.Configure<DevIdpOptions>(context.Configuration.GetSection(DevIdpOptions.Section));
        s.AddHttpClient(SpMetadataSource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        s.AddSingleton<DevIdpKeys>();
        s.AddSingleton<DevIdpAddresses>();
        s.AddSingleton<SpMetadataSource>();
        s.AddSingleton<RequestProtector>();
        s.AddScoped<AuthnRequestReader>();
    }

    /// <summary>Only when the environment is Development and Portal:DevIdp:Enabled is true.</summary>
    public static bool Enabled(ModuleContext context) =>
        context.Environment.IsDevelopment()
        && string.Equals(context.Configuration[DevIdpOptions.Section + ":Enabled"], "true", StringComparison.OrdinalIgnoreCase);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<DevIdpSwitch>().Enabled) endpoints.MapDevIdpEndpoints();
    }
}
