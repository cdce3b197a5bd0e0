using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Identity.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_authn_request",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdpKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ReturnUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsumedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_authn_request", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_sp_key",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CertificatePem = table.Column<string>(type: "text", nullable: false),
                    PrivateKeyPem = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_sp_key", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_authn_request_CreatedUtc",
                table: "identity_authn_request",
                column: "CreatedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_authn_request");

            migrationBuilder.DropTable(
                name: "identity_sp_key");
        }
    }
}
