using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Engine;

public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowGuard<T>(this IServiceCollection services) where T : class, IWorkflowGuard =>
        services.AddScoped<IWorkflowGuard, T>();

    public static IServiceCollection AddWorkflowTask<T>(this IServiceCollection services) where T : class, IWorkflowTask =>
        services.AddScoped<IWorkflowTask, T>();

    public static IServiceCollection AddWorkflowSubject<T>(this IServiceCollection services) where T : class, IWorkflowSubjectProvider =>
        services.AddScoped<IWorkflowSubjectProvider, T>();

    public static IServiceCollection AddWorkflowEvent(this IServiceCollection services, string name, string description) =>
        services.AddSingleton(new WorkflowEventRegistration(name, description));

    /// <summary>
    /// Registers a definition the module ships as <c>Workflows/&lt;fileName&gt;</c> in its folder, embedded in its assembly
    /// (<c>&lt;EmbeddedResource Include="Workflows\*.json" /&gt;</c> in the module's project). The setup recipe applies it
    /// (step "workflows" with "files" or "shipped"); the file is the one place its state and transition codes are decided.
    /// </summary>
    public static IServiceCollection AddWorkflowDefinitionFile(this IServiceCollection services, Assembly assembly, string fileName) =>
        services.AddSingleton(new ShippedWorkflowDefinition(assembly, fileName));
}
