using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Workflows.Data;

public sealed class WorkflowsSqliteDesignFactory : IDesignTimeDbContextFactory<WorkflowsSqliteDbContext>
{
    public WorkflowsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<WorkflowsSqliteDbContext>(WorkflowsDbContext.HistoryTable));
}
