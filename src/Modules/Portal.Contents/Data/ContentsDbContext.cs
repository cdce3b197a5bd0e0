using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Contents.Model;
using Portal.Core.Data;

namespace Portal.Contents.Data;

public class ContentsDbContext(DbContextOptions options) : PortalDbContext(options)
{
    public const string HistoryTable = "__migrations_contents";

    public DbSet<ContentItem> Items => Set<ContentItem>();
    public DbSet<ContentVersion> Versions => Set<ContentVersion>();
    public DbSet<ContentAttachment> Attachments => Set<ContentAttachment>();
    public DbSet<ContentSearchEntry> SearchEntries => Set<ContentSearchEntry>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await ContentSearchSync.ApplyAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ContentSearchSync.ApplyAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ContentItem>(e =>
        {
            e.ToTable("contents_item");
            e.HasKey(x => x.Id);
            e.Property(x => x.ContentType).HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Slug).HasMaxLength(120);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.ModifiedBy).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.HasUnpublishedChanges);
            e.HasIndex(x => new { x.ContentType, x.Slug }).IsUnique();
            e.HasIndex(x => new { x.ContentType, x.Status });
            e.HasIndex(x => x.ParentId);
            e.HasIndex(x => x.PublishAtUtc);
            e.HasIndex(x => x.UnpublishAtUtc);
        });
        b.Entity<ContentVersion>(e =>
        {
            e.ToTable("contents_version");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ItemId, x.Number }).IsUnique();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(300);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ContentAttachment>(e =>
        {
            e.ToTable("contents_attachment");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.FileId);
        });
        b.Entity<ContentSearchEntry>(e =>
        {
            e.ToTable("contents_search");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ItemId).IsUnique();
            e.HasIndex(x => new { x.ContentType, x.PublishedUtc });
            e.HasIndex(x => x.ParentId);
            e.Property(x => x.ContentType).HasMaxLength(32);
            e.Property(x => x.Slug).HasMaxLength(120);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.Categoria).HasMaxLength(100);
        });
    }
}

public sealed class ContentsSqliteDbContext(DbContextOptions<ContentsSqliteDbContext> options) : ContentsDbContext(options);

public sealed class ContentsPostgresDbContext(DbContextOptions<ContentsPostgresDbContext> options) : ContentsDbContext(options);

public sealed class ContentsSqliteDesignFactory : IDesignTimeDbContextFactory<ContentsSqliteDbContext>
{
    public ContentsSqliteDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Sqlite<ContentsSqliteDbContext>(ContentsDbContext.HistoryTable));
}

public sealed class ContentsPostgresDesignFactory : IDesignTimeDbContextFactory<ContentsPostgresDbContext>
{
    public ContentsPostgresDbContext CreateDbContext(string[] args) =>
        new(DesignTimeOptions.Postgres<ContentsPostgresDbContext>(ContentsDbContext.HistoryTable));
}
