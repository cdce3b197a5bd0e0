using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Etichetta = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Prefisso = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
