using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Did.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "did_cpi_comune",
                columns: table => new
                {
                    ComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CpiCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_did_cpi_comune", x => x.ComuneIstat);
                });

            migrationBuilder.CreateTable(
                name: "did_dichiarazione",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    CpiCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScadenzaAppuntamentoUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stato = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PendingKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DichiarazioniJson = table.Column<string>(type: "text", nullable: false),
                    AppuntamentoUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppuntamentoLuogo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ScadenzaColloquioUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ColloquioSvoltoUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GiustificatoMotivo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChiusaUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_did_dichiarazione", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "did_situazione",
                columns: table => new
                {
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Nome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stato = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Dal = table.Column<DateOnly>(type: "date", nullable: true),
                    CpiCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_did_situazione", x => x.CodiceFiscale);
                });

            migrationBuilder.CreateIndex(
                name: "IX_did_cpi_comune_CpiCode",
                table: "did_cpi_comune",
                column: "CpiCode");

            migrationBuilder.CreateIndex(
                name: "IX_did_dichiarazione_CodiceFiscale",
                table: "did_dichiarazione",
                column: "CodiceFiscale");

            migrationBuilder.CreateIndex(
                name: "IX_did_dichiarazione_CpiCode_SentUtc",
                table: "did_dichiarazione",
                columns: new[] { "CpiCode", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_did_dichiarazione_PendingKey",
                table: "did_dichiarazione",
                column: "PendingKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_did_dichiarazione_PersonId_IdempotencyKey",
                table: "did_dichiarazione",
                columns: new[] { "PersonId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_did_situazione_CpiCode",
                table: "did_situazione",
                column: "CpiCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "did_cpi_comune");

            migrationBuilder.DropTable(
                name: "did_dichiarazione");

            migrationBuilder.DropTable(
                name: "did_situazione");
        }
    }
}
