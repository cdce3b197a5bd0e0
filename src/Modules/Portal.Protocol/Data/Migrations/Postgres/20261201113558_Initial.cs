using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Protocol.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // core_protocol_counter, core_protocol_entry and core_receipt were created by Portal.Core's migrations before the
            // register became this module (Core's migration ProtocolMovedToModule keeps them): this context adopts them as they are.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // core_protocol_counter, core_protocol_entry and core_receipt were created by Portal.Core's migrations before the
            // register became this module (Core's migration ProtocolMovedToModule keeps them): this context adopts them as they are.
        }
    }
}
