using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Accreditamenti.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accreditamenti_cpi",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accreditamenti_cpi", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "accreditamenti_enablement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RoleName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScopeType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ScopeValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnabledUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnabledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnableReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DisabledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DisabledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DisableReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accreditamenti_enablement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accreditamenti_ente",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Denominazione = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accreditamenti_ente", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "accreditamenti_request",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accreditamenti_request", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accreditamenti_enablement_AssignmentId",
                table: "accreditamenti_enablement",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accreditamenti_enablement_PersonId",
                table: "accreditamenti_enablement",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_accreditamenti_request_AssignmentId",
                table: "accreditamenti_request",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_accreditamenti_request_ComuneIstat",
                table: "accreditamenti_request",
                column: "ComuneIstat");

            migrationBuilder.CreateIndex(
                name: "IX_accreditamenti_request_State_CreatedUtc",
                table: "accreditamenti_request",
                columns: new[] { "State", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "ux_accreditamenti_request_open",
                table: "accreditamenti_request",
                columns: new[] { "PersonId", "ComuneIstat" },
                unique: true,
                filter: "\"State\" IN ('InAttesa', 'Approvata')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accreditamenti_cpi");

            migrationBuilder.DropTable(
                name: "accreditamenti_enablement");

            migrationBuilder.DropTable(
                name: "accreditamenti_ente");

            migrationBuilder.DropTable(
                name: "accreditamenti_request");
        }
    }
}
