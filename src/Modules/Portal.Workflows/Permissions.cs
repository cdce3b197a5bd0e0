using Portal.Core.Security;

namespace Portal.Workflows;

public static class WorkflowsPermissions
{
    public static readonly Permission Manage = new("Workflows.Manage", "Consultare e modificare le definizioni dei flussi di lavoro");

    public static IEnumerable<Permission> All => [Manage];
}
