using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Anagrafica.Data.Migrations.Sqlite
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
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResidenzaVia = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResidenzaCivico = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ResidenzaCap = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    ResidenzaComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Telefono = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Cellulare = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    StatoCivile = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Cittadinanza = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TitoloStudio = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ImportedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anagrafica_registro", x => x.CodiceFiscale);
                });

            migrationBuilder.CreateTable(
                name: "anagrafica_scheda",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sesso = table.Column<char>(type: "TEXT", nullable: true),
                    DataNascita = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LuogoNascitaCodice = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    LuogoNascita = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    residenza_via = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    residenza_civico = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    residenza_cap = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    residenza_comune = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    DomicilioUgualeResidenza = table.Column<bool>(type: "INTEGER", nullable: false),
                    domicilio_via = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    domicilio_civico = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    domicilio_cap = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    domicilio_comune = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Telefono = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Cellulare = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Pec = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    StatoCivile = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Cittadinanza = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TitoloSoggiornoTipo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TitoloSoggiornoNumero = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    TitoloSoggiornoScadenza = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TitoloStudio = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anagrafica_scheda", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "anagrafica_stato",
                columns: table => new
                {
                    Codice = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Denominazione = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CodiceCatastale = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Ue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
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
