using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CredenzialiApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoraggio_credenziale_api",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnteCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Etichetta = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Prefisso = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_credenziale_api", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_credenziale_api_EnteCode_CreatedUtc",
                table: "monitoraggio_credenziale_api",
                columns: new[] { "EnteCode", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_credenziale_api_TokenHash",
                table: "monitoraggio_credenziale_api",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoraggio_credenziale_api");
        }
    }
}
