using Microsoft.EntityFrameworkCore;

namespace Portal.Workflows.Data;

public sealed class WorkflowsPostgresDbContext(DbContextOptions<WorkflowsPostgresDbContext> options) : WorkflowsDbContext(options);
