using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core.Security;

namespace Portal.Core.Modules;

/// <summary>
/// A module's registration class (its "startup"). The host discovers one per module assembly
/// through <see cref="PortalModuleAttribute"/> and calls it in dependency order.
/// </summary>
public abstract class PortalModule
{
    /// <summary>Stable name, e.g. "Portal.Contents".</summary>
    public abstract string Name { get; }

    /// <summary>Names of the modules this one needs; they are configured first.</summary>
    public virtual IReadOnlyList<string> DependsOn => [];

    public virtual void ConfigureServices(ModuleContext context) { }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    /// <summary>Adds middleware that runs after authentication and before authorization, for every request.</summary>
    public virtual void ConfigurePipeline(IApplicationBuilder app) { }

    public virtual IEnumerable<Permission> Permissions => [];

    /// <summary>The actions this module writes to the activity register, with their Italian words.</summary>
    public virtual IEnumerable<Portal.Core.Audit.AuditAction> AuditActions => [];

    public virtual IEnumerable<MenuEntry> AdminMenu => [];

    public virtual IEnumerable<MenuEntry> Navigation => [];
}

public sealed record ModuleContext(IServiceCollection Services, IConfiguration Configuration, IHostEnvironment Environment);

/// <summary>
/// A link in the admin menu or in the public navigation, shown when the permission is held
/// (and, with <paramref name="SignedIn"/>, only to signed-in people: personal-area links).
/// </summary>
public sealed record MenuEntry(string Text, string Url, int Order = 100, string? Permission = null, string? Group = null, bool SignedIn = false)
{
    /// <summary>The group of the public navigation's «I miei servizi» menu (entries behind a permission go there too).</summary>
    public const string Services = "Servizi";

    /// <summary>A person's service: shown in «I miei servizi», not in the bar.</summary>
    public bool IsService => Permission is not null || Group == Services;
}

[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PortalModuleAttribute(Type moduleType) : Attribute
{
    public Type ModuleType { get; } = moduleType;
}
