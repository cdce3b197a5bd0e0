using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Did.Data.Migrations.Sqlite
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
                    ComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CpiCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_did_cpi_comune", x => x.ComuneIstat);
                });

            migrationBuilder.CreateTable(
                name: "did_dichiarazione",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    CpiCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScadenzaAppuntamentoUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PendingKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DichiarazioniJson = table.Column<string>(type: "TEXT", nullable: false),
                    AppuntamentoUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppuntamentoLuogo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ScadenzaColloquioUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ColloquioSvoltoUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GiustificatoMotivo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChiusaUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_did_dichiarazione", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "did_situazione",
                columns: table => new
                {
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Dal = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CpiCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
