using Microsoft.Extensions.DependencyInjection;

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
}
