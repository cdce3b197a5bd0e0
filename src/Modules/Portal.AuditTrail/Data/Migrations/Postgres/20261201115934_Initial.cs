using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.AuditTrail.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // core_audit was created by Portal.Core's migrations before the trail became this module (Core's migration
            // AuditTrailMovedToModule keeps it): this context adopts it as it is.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // core_audit was created by Portal.Core's migrations before the trail became this module (Core's migration
            // AuditTrailMovedToModule keeps it): this context adopts it as it is.
        }
    }
}
