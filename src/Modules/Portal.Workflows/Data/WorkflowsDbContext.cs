using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;
using Portal.Workflows.Model;

namespace Portal.Workflows.Data;

public class WorkflowsDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_workflows";

    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<WorkflowHistoryEntry> History => Set<WorkflowHistoryEntry>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<RichiestaDiProva> RichiesteDiProva => Set<RichiestaDiProva>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new StoredDefinitionConfiguration());
        b.ApplyConfiguration(new WorkflowInstanceConfiguration());
        b.ApplyConfiguration(new WorkflowHistoryEntryConfiguration());
        b.ApplyConfiguration(new WorkflowTimerConfiguration());
        b.ApplyConfiguration(new RichiestaDiProvaConfiguration());
    }
}
