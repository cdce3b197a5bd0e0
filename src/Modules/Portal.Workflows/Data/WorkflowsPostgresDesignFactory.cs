using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Workflows.Data;

public sealed class WorkflowsPostgresDesignFactory : IDesignTimeDbContextFactory<WorkflowsPostgresDbContext>
{
    public WorkflowsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<WorkflowsPostgresDbContext>(WorkflowsDbContext.HistoryTable));
}
