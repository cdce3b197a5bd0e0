using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Workflows.Data;

public class WorkflowsDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_workflows";

    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<WorkflowHistoryEntry> History => Set<WorkflowHistoryEntry>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<Demo.RichiestaDiProva> RichiesteDiProva => Set<Demo.RichiestaDiProva>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<StoredDefinition>(e =>
        {
            e.ToTable("workflows_definition");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(80);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.SubjectType).HasMaxLength(80);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        });
        b.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("workflows_instance");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionCode).HasMaxLength(80);
            e.Property(x => x.SubjectType).HasMaxLength(80);
            e.Property(x => x.SubjectId).HasMaxLength(80);
            e.Property(x => x.State).HasMaxLength(80);
            e.Property(x => x.Scope).HasMaxLength(120);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.SubjectType, x.SubjectId }).IsUnique();
            e.HasIndex(x => new { x.DefinitionCode, x.State });
        });
        b.Entity<WorkflowHistoryEntry>(e =>
        {
            e.ToTable("workflows_history");
            e.HasKey(x => x.Id);
            e.Property(x => x.Transition).HasMaxLength(80);
            e.Property(x => x.FromState).HasMaxLength(80);
            e.Property(x => x.ToState).HasMaxLength(80);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.ActorRole).HasMaxLength(80);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => new { x.InstanceId, x.Utc });
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("workflows_timer");
            e.HasKey(x => x.Id);
            e.Property(x => x.State).HasMaxLength(80);
            e.Property(x => x.Transition).HasMaxLength(80);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Error).HasMaxLength(1000);
            e.HasIndex(x => new { x.Status, x.DueUtc });
            e.HasIndex(x => x.InstanceId);
            e.HasOne<WorkflowInstance>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Demo.RichiestaDiProva>(e =>
        {
            e.ToTable("workflows_demo_richiesta");
            e.HasKey(x => x.Id);
            e.Property(x => x.Oggetto).HasMaxLength(200);
            e.HasIndex(x => x.PersonId);
        });
    }
}

public sealed class WorkflowsSqliteDbContext(DbContextOptions<WorkflowsSqliteDbContext> options) : WorkflowsDbContext(options);

public sealed class WorkflowsPostgresDbContext(DbContextOptions<WorkflowsPostgresDbContext> options) : WorkflowsDbContext(options);

public sealed class WorkflowsSqliteDesignFactory : IDesignTimeDbContextFactory<WorkflowsSqliteDbContext>
{
    public WorkflowsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<WorkflowsSqliteDbContext>(WorkflowsDbContext.HistoryTable));
}

public sealed class WorkflowsPostgresDesignFactory : IDesignTimeDbContextFactory<WorkflowsPostgresDbContext>
{
    public WorkflowsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<WorkflowsPostgresDbContext>(WorkflowsDbContext.HistoryTable));
}
