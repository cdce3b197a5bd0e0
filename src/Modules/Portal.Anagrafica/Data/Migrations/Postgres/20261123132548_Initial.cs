using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Anagrafica.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anagrafica_registro",
                columns: table => new
                {
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Nome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResidenzaVia = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResidenzaCivico = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResidenzaCap = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    ResidenzaComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Telefono = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Cellulare = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    StatoCivile = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cittadinanza = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TitoloStudio = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ImportedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anagrafica_registro", x => x.CodiceFiscale);
                });

            migrationBuilder.CreateTable(
                name: "anagrafica_scheda",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Nome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sesso = table.Column<char>(type: "character(1)", nullable: true),
                    DataNascita = table.Column<DateOnly>(type: "date", nullable: true),
                    LuogoNascitaCodice = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    LuogoNascita = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    residenza_via = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    residenza_civico = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    residenza_cap = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    residenza_comune = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    DomicilioUgualeResidenza = table.Column<bool>(type: "boolean", nullable: false),
                    domicilio_via = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    domicilio_civico = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    domicilio_cap = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    domicilio_comune = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Telefono = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Cellulare = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Pec = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    StatoCivile = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cittadinanza = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TitoloSoggiornoTipo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TitoloSoggiornoNumero = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    TitoloSoggiornoScadenza = table.Column<DateOnly>(type: "date", nullable: true),
                    TitoloStudio = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FirstSavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSavedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anagrafica_scheda", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "anagrafica_stato",
                columns: table => new
                {
                    Codice = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Denominazione = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CodiceCatastale = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Ue = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anagrafica_stato", x => x.Codice);
                });

            migrationBuilder.CreateIndex(
                name: "IX_anagrafica_scheda_CodiceFiscale",
                table: "anagrafica_scheda",
                column: "CodiceFiscale",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_anagrafica_stato_CodiceCatastale",
                table: "anagrafica_stato",
                column: "CodiceCatastale");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "anagrafica_registro");

            migrationBuilder.DropTable(
                name: "anagrafica_scheda");

            migrationBuilder.DropTable(
                name: "anagrafica_stato");
        }
    }
}
