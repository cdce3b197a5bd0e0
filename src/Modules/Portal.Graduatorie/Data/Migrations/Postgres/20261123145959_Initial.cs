using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Graduatorie.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "graduatorie_invio",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FinestraId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OperatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileLength = table.Column<long>(type: "bigint", nullable: false),
                    StoredFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    Esito = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stato = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_invio", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_invio_riga",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    CfStudente = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CognomeStudente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NomeStudente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DataNascitaStudente = table.Column<DateOnly>(type: "date", nullable: true),
                    CfRichiedente = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CognomeRichiedente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NomeRichiedente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CodiceMeccanografico = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Classe = table.Column<int>(type: "integer", nullable: true),
                    ValoreIsee = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_invio_riga", x => x.Id);
                    table.ForeignKey(
                        name: "FK_graduatorie_invio_riga_graduatorie_invio_InvioId",
                        column: x => x.InvioId,
                        principalTable: "graduatorie_invio",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_invio_segnalazione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: true),
                    Column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_invio_segnalazione", x => x.Id);
                    table.ForeignKey(
                        name: "FK_graduatorie_invio_segnalazione_graduatorie_invio_InvioId",
                        column: x => x.InvioId,
                        principalTable: "graduatorie_invio",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_invio_FinestraId_ComuneIstat_CreatedUtc",
                table: "graduatorie_invio",
                columns: new[] { "FinestraId", "ComuneIstat", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "ux_graduatorie_invio_valido",
                table: "graduatorie_invio",
                columns: new[] { "FinestraId", "ComuneIstat" },
                unique: true,
                filter: "\"Stato\" = 'Valido'");

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_invio_riga_CfStudente",
                table: "graduatorie_invio_riga",
                column: "CfStudente");

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_invio_riga_InvioId_Row",
                table: "graduatorie_invio_riga",
                columns: new[] { "InvioId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_invio_segnalazione_InvioId",
                table: "graduatorie_invio_segnalazione",
                column: "InvioId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graduatorie_invio_riga");

            migrationBuilder.DropTable(
                name: "graduatorie_invio_segnalazione");

            migrationBuilder.DropTable(
                name: "graduatorie_invio");
        }
    }
}
