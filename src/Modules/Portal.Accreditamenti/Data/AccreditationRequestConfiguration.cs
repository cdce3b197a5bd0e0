using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Accreditamenti.Model;

namespace Portal.Accreditamenti.Data;

internal sealed class AccreditationRequestConfiguration : IEntityTypeConfiguration<AccreditationRequest>
{
    public void Configure(EntityTypeBuilder<AccreditationRequest> e)
    {
        e.ToTable("accreditamenti_request");
        e.HasKey(x => x.Id);
        e.Property(x => x.CodiceFiscale).HasMaxLength(16);
        e.Property(x => x.ComuneIstat).HasMaxLength(6);
        e.Property(x => x.Note).HasMaxLength(500);
        // Two administrators deciding the same request at once: the second save finds the state changed.
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        e.Property(x => x.Origin).HasMaxLength(16);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.DecisionReason).HasMaxLength(500);
        e.Property(x => x.RevokedBy).HasMaxLength(200);
        e.Property(x => x.RevokeReason).HasMaxLength(500);
        // At most one pending or approved request per person and Comune, even under double submission.
        e.HasIndex(x => new { x.PersonId, x.ComuneIstat }).IsUnique()
            .HasFilter("\"State\" IN ('InAttesa', 'Approvata')").HasDatabaseName("ux_accreditamenti_request_open");
        e.HasIndex(x => new { x.State, x.CreatedUtc });
        e.HasIndex(x => x.ComuneIstat);
        e.HasIndex(x => x.AssignmentId);
    }
}
