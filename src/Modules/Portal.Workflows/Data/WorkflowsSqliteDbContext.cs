using Microsoft.EntityFrameworkCore;

namespace Portal.Workflows.Data;

public sealed class WorkflowsSqliteDbContext(DbContextOptions<WorkflowsSqliteDbContext> options) : WorkflowsDbContext(options);
