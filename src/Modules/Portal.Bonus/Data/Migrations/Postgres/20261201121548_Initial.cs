using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Bonus.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Codice = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Titolo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AvvisoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Versione = table.Column<int>(type: "integer", nullable: false),
                    Regole = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_bando", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bonus_bando_versione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BandoId = table.Column<Guid>(type: "uuid", nullable: false),
                    Versione = table.Column<int>(type: "integer", nullable: false),
                    Titolo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AvvisoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Regole = table.Column<string>(type: "text", nullable: false),
                    Motivo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_bando_versione", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bonus_domanda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BandoId = table.Column<Guid>(type: "uuid", nullable: false),
                    BandoVersione = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stato = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SezioniSalvate = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkflowInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComuneResidenzaIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Telefono = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Ruolo = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    DataIngressoFiglio = table.Column<DateOnly>(type: "date", nullable: true),
                    ConviveConFigli = table.Column<bool>(type: "boolean", nullable: false),
                    IseeValore = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    IseeTipo = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    IseeProtocolloDsu = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IseeDataRilascio = table.Column<DateOnly>(type: "date", nullable: true),
                    IseeFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    IseeFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    IseeFileLength = table.Column<long>(type: "bigint", nullable: true),
                    IseeFileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IseeCaricatoUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Condizione = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CondizioneFonte = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Dispositivo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ImportoRichiesto = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Dichiarazioni = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InviataUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinestraId = table.Column<Guid>(type: "uuid", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NucleoGiaRichiedente = table.Column<bool>(type: "boolean", nullable: false),
                    NucleoSegnalazione = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnnullamentoRichiestoUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnnullamentoMotivoRichiesta = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnnullataUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnnullataDa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnnullamentoMotivo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Punteggio = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    EsitoMotivo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DomandaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordine = table.Column<int>(type: "integer", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Relazione = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DomandaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordine = table.Column<int>(type: "integer", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Livello = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Istituto = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
