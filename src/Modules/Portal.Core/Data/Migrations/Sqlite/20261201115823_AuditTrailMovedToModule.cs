using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrailMovedToModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail now belongs to Portal.AuditTrail (AuditTrailDbContext), which takes over core_audit as it is:
            // nothing is dropped, so the trail keeps every entry.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The audit trail now belongs to Portal.AuditTrail (AuditTrailDbContext), which takes over core_audit as it is:
            // nothing is dropped, so the trail keeps every entry.
        }
    }
}
