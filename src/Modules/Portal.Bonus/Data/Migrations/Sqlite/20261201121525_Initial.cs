using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Bonus.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bonus_bando",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Codice = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Titolo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AvvisoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Versione = table.Column<int>(type: "INTEGER", nullable: false),
                    Regole = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_bando", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bonus_bando_versione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BandoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Versione = table.Column<int>(type: "INTEGER", nullable: false),
                    Titolo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AvvisoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Regole = table.Column<string>(type: "TEXT", nullable: false),
                    Motivo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_bando_versione", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bonus_domanda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BandoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BandoVersione = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SezioniSalvate = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ComuneResidenzaIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Telefono = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Ruolo = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DataIngressoFiglio = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConviveConFigli = table.Column<bool>(type: "INTEGER", nullable: false),
                    IseeValore = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    IseeTipo = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    IseeProtocolloDsu = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IseeDataRilascio = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IseeFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IseeFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    IseeFileLength = table.Column<long>(type: "INTEGER", nullable: true),
                    IseeFileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IseeCaricatoUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Condizione = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CondizioneFonte = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Dispositivo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ImportoRichiesto = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Dichiarazioni = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    InviataUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinestraId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NucleoGiaRichiedente = table.Column<bool>(type: "INTEGER", nullable: false),
                    NucleoSegnalazione = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnnullamentoRichiestoUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnnullamentoMotivoRichiesta = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnnullataUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnnullataDa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnnullamentoMotivo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Punteggio = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    EsitoMotivo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_domanda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bonus_domanda_bonus_bando_BandoId",
                        column: x => x.BandoId,
                        principalTable: "bonus_bando",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bonus_componente",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DomandaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordine = table.Column<int>(type: "INTEGER", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Relazione = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_componente", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bonus_componente_bonus_domanda_DomandaId",
                        column: x => x.DomandaId,
                        principalTable: "bonus_domanda",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bonus_figlio",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DomandaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordine = table.Column<int>(type: "INTEGER", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Livello = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Istituto = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_figlio", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bonus_figlio_bonus_domanda_DomandaId",
                        column: x => x.DomandaId,
                        principalTable: "bonus_domanda",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bonus_bando_Codice",
                table: "bonus_bando",
                column: "Codice",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bonus_bando_versione_BandoId_Versione",
                table: "bonus_bando_versione",
                columns: new[] { "BandoId", "Versione" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bonus_componente_CodiceFiscale",
                table: "bonus_componente",
                column: "CodiceFiscale");

            migrationBuilder.CreateIndex(
                name: "IX_bonus_componente_DomandaId",
                table: "bonus_componente",
                column: "DomandaId");

            migrationBuilder.CreateIndex(
                name: "IX_bonus_domanda_BandoId_CodiceFiscale",
                table: "bonus_domanda",
                columns: new[] { "BandoId", "CodiceFiscale" });

            migrationBuilder.CreateIndex(
                name: "IX_bonus_domanda_BandoId_InviataUtc",
                table: "bonus_domanda",
                columns: new[] { "BandoId", "InviataUtc" });

            migrationBuilder.CreateIndex(
                name: "ux_bonus_domanda_aperta",
                table: "bonus_domanda",
                columns: new[] { "PersonId", "BandoId" },
                unique: true,
                filter: "\"Stato\" NOT IN ('AnnullataSuRichiesta', 'Rinunciata')");

            migrationBuilder.CreateIndex(
                name: "ux_bonus_domanda_idempotency",
                table: "bonus_domanda",
                columns: new[] { "PersonId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bonus_figlio_DomandaId",
                table: "bonus_figlio",
                column: "DomandaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bonus_bando_versione");

            migrationBuilder.DropTable(
                name: "bonus_componente");

            migrationBuilder.DropTable(
                name: "bonus_figlio");

            migrationBuilder.DropTable(
                name: "bonus_domanda");

            migrationBuilder.DropTable(
                name: "bonus_bando");
        }
    }
}
