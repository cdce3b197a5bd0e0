using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Documents.Services;

[assembly: PortalModule(typeof(Portal.Documents.DocumentsModule))]

namespace Portal.Documents;

/// <summary>The PDF renderer every module hands its documents to (<see cref="IPdfRenderer"/>).</summary>
public sealed class DocumentsModule : PortalModule
{
    public override string Name => "Portal.Documents";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context) =>
        context.Services.AddSingleton<IPdfRenderer, SkiaPdfRenderer>();
}
