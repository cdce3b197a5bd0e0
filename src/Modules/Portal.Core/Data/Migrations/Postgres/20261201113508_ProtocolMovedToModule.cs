using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProtocolMovedToModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The protocol register and the receipts now belong to Portal.Protocol (ProtocolDbContext), which takes over
            // these tables as they are: nothing is dropped, so their numbers and receipts stay.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The protocol register and the receipts now belong to Portal.Protocol (ProtocolDbContext), which takes over
            // these tables as they are: nothing is dropped, so their numbers and receipts stay.
        }
    }
}
