using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

using Portal.Identity.Model;

namespace Portal.Identity.Data;

public class IdentityDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_identity";

    public DbSet<PendingAuthnRequest> PendingRequests => Set<PendingAuthnRequest>();
    public DbSet<SpKeyMaterial> SpKeys => Set<SpKeyMaterial>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<PendingAuthnRequest>(e =>
        {
            e.ToTable("identity_authn_request");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.IdpKey).HasMaxLength(64);
            e.Property(x => x.ReturnUrl).HasMaxLength(2000);
            e.Property(x => x.BrowserBindingHash).HasMaxLength(64);
            e.HasIndex(x => x.CreatedUtc);
        });
        b.Entity<SpKeyMaterial>(e =>
        {
            e.ToTable("identity_sp_key");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
    }
}

public sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

public sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);

public sealed class IdentitySqliteDesignFactory : IDesignTimeDbContextFactory<IdentitySqliteDbContext>
{
    public IdentitySqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<IdentitySqliteDbContext>(IdentityDbContext.HistoryTable));
}

public sealed class IdentityPostgresDesignFactory : IDesignTimeDbContextFactory<IdentityPostgresDbContext>
{
    public IdentityPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<IdentityPostgresDbContext>(IdentityDbContext.HistoryTable));
}
