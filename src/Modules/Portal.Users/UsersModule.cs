using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Users.Apis;
using Portal.Users.Services;

[assembly: PortalModule(typeof(Portal.Users.UsersModule))]

namespace Portal.Users;

/// <summary>
/// Logging in and out, the role choice, the development and test logins, and the administrators' list of
/// people with their roles and sessions. Sessions, people and roles themselves are Core's.
/// </summary>
public sealed class UsersModule : PortalModule
{
    public override string Name => "Portal.Users";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        var s = context.Services;
        var devLogin = DevLoginEnabled(context);
        s.AddSingleton(new DevLoginSwitch(devLogin));
        // Always registered (the page takes it); the page and the API refuse it unless the switch is on.
        s.AddScoped<TestLogin>();
        if (devLogin)
        {
            s.AddSingleton(new LoginMethod("prova", "Accesso di prova", "/accesso-di-prova",
                "Solo in ambiente di sviluppo e collaudo: accedi come una delle persone dimostrative.", 1000));
        }
    }

    /// <summary>Never in Production; in Development always; elsewhere when Portal:DevLogin:Enabled is true.</summary>
    public static bool DevLoginEnabled(ModuleContext context) =>
        !context.Environment.IsProduction()
        && (context.Environment.IsDevelopment() || string.Equals(context.Configuration["Portal:DevLogin:Enabled"], "true", StringComparison.OrdinalIgnoreCase));

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<DevLoginSwitch>().Enabled) endpoints.MapTestLoginApi();
    }

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Utenti e ruoli", "/admin/utenti", 800, CorePermissions.ManageUsers.Name, "Sistema"),
    ];
}
