using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Comuni;
using Portal.Core.Files;
using Portal.Core.Outbox;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Core.Data;

internal class CoreDbContext(DbContextOptions options) : PortalDbContext(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__migrations_core";

    public DbSet<Person> Persons => Set<Person>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();
    public DbSet<SiteSetting> Settings => Set<SiteSetting>();
    public DbSet<LookupEntry> Lookups => Set<LookupEntry>();
    public DbSet<Comune> Comuni => Set<Comune>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<RecipeRun> RecipeRuns => Set<RecipeRun>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
    public DbSet<OutboxKindLock> OutboxKindLocks => Set<OutboxKindLock>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Person>(e =>
        {
            e.ToTable("core_person");
            e.HasKey(x => x.Id);
            e.Property(x => x.CodiceFiscale).HasMaxLength(16);
            e.HasIndex(x => x.CodiceFiscale).IsUnique();
            e.Property(x => x.Nome).HasMaxLength(100);
            e.Property(x => x.Cognome).HasMaxLength(100);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Ignore(x => x.FullName);
            e.HasMany(x => x.Assignments).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RoleAssignment>(e =>
        {
            e.ToTable("core_role_assignment");
            e.HasKey(x => x.Id);
            e.Property(x => x.RoleName).HasMaxLength(64);
            e.Property(x => x.ScopeType).HasMaxLength(32);
            e.Property(x => x.ScopeValue).HasMaxLength(64);
            e.Property(x => x.GrantedBy).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasIndex(x => new { x.PersonId, x.RoleName, x.ScopeType, x.ScopeValue });
        });
        b.Entity<SessionRecord>(e =>
        {
            e.ToTable("core_session");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthMethod).HasMaxLength(32);
            e.Property(x => x.EndReason).HasMaxLength(64);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.HasIndex(x => new { x.PersonId, x.EndedUtc });
        });
        b.Entity<Role>(e =>
        {
            e.ToTable("core_role");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.HasMany(x => x.Permissions).WithOne().HasForeignKey(p => p.RoleName).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RolePermission>(e =>
        {
            e.ToTable("core_role_permission");
            e.HasKey(x => new { x.RoleName, x.PermissionName });
            e.Property(x => x.PermissionName).HasMaxLength(100);
        });
        b.Entity<SiteSetting>(e =>
        {
            e.ToTable("core_setting");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(100);
        });
        b.Entity<LookupEntry>(e =>
        {
            e.ToTable("core_lookup");
            e.HasKey(x => new { x.Table, x.Code });
            e.Property(x => x.Table).HasMaxLength(64);
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Description).HasMaxLength(300);
        });
        b.Entity<Comune>(e =>
        {
            e.ToTable("core_comune");
            e.HasKey(x => x.CodiceIstat);
            e.Property(x => x.CodiceIstat).HasMaxLength(6);
            e.Property(x => x.Nome).HasMaxLength(200);
            e.Property(x => x.SiglaProvincia).HasMaxLength(2);
            e.Property(x => x.CodiceCatastale).HasMaxLength(4);
            e.HasIndex(x => x.CodiceCatastale);
            e.HasIndex(x => x.SiglaProvincia);
        });
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("core_file");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });
        b.Entity<RecipeRun>(e =>
        {
            e.ToTable("core_recipe_run");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });
        b.Entity<DataProtectionKey>().ToTable("core_data_protection_key");
        b.Entity<OutboxEntry>(e =>
        {
            e.ToTable("core_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.IdempotencyKey).HasMaxLength(300);
            e.Property(x => x.LockedBy).HasMaxLength(200);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.State, x.DueUtc });
            e.HasIndex(x => new { x.State, x.Kind, x.Id });
        });
        b.Entity<OutboxKindLock>(e =>
        {
            e.ToTable("core_outbox_kind_lock");
            e.HasKey(x => x.Kind);
            e.Property(x => x.Kind).HasMaxLength(64);
        });
    }
}

internal sealed class CoreSqliteDbContext(DbContextOptions<CoreSqliteDbContext> options) : CoreDbContext(options);

internal sealed class CorePostgresDbContext(DbContextOptions<CorePostgresDbContext> options) : CoreDbContext(options);

internal sealed class CoreSqliteDesignFactory : IDesignTimeDbContextFactory<CoreSqliteDbContext>
{
    public CoreSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<CoreSqliteDbContext>(CoreDbContext.HistoryTable));
}

internal sealed class CorePostgresDesignFactory : IDesignTimeDbContextFactory<CorePostgresDbContext>
{
    public CorePostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<CorePostgresDbContext>(CoreDbContext.HistoryTable));
}
