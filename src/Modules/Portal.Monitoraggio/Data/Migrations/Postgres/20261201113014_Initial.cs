using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoraggio_flusso",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnteCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Stato = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Canale = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OperatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OperatorCf = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Righe = table.Column<int>(type: "integer", nullable: false),
                    LetturaCompleta = table.Column<bool>(type: "boolean", nullable: false),
                    Errori = table.Column<int>(type: "integer", nullable: false),
                    Avvisi = table.Column<int>(type: "integer", nullable: false),
                    DataRiferimento = table.Column<DateOnly>(type: "date", nullable: true),
                    ConteggiRegole = table.Column<string>(type: "text", nullable: true),
                    Riepilogo = table.Column<string>(type: "text", nullable: true),
                    Esito = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecisoDa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_flusso", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_flusso_blocco",
                columns: table => new
                {
                    FlussoId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_flusso_blocco", x => new { x.FlussoId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_flusso_segnalazione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FlussoId = table.Column<Guid>(type: "uuid", nullable: false),
                    Riga = table.Column<int>(type: "integer", nullable: false),
                    Campo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Valore = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Codice = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Messaggio = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Avviso = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_flusso_segnalazione", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_misura",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Descrizione = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_misura", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_pratica",
                columns: table => new
                {
                    EnteCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdPratica = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CfPiva = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Denominazione = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Misura = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataDomanda = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportoRichiesto = table.Column<long>(type: "bigint", nullable: false),
                    Stato = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataDelibera = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportoDeliberato = table.Column<long>(type: "bigint", nullable: true),
                    DataErogazione = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportoErogato = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DataRiferimento = table.Column<DateOnly>(type: "date", nullable: false),
                    FlussoId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_pratica", x => new { x.EnteCode, x.IdPratica });
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_pratica_storico",
                columns: table => new
                {
                    EnteCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdPratica = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DataRiferimento = table.Column<DateOnly>(type: "date", nullable: false),
                    Stato = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Misura = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ImportoRichiesto = table.Column<long>(type: "bigint", nullable: false),
                    ImportoDeliberato = table.Column<long>(type: "bigint", nullable: true),
                    ImportoErogato = table.Column<long>(type: "bigint", nullable: true),
                    FlussoId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_pratica_storico", x => new { x.EnteCode, x.IdPratica, x.DataRiferimento });
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_flusso_EnteCode_CreatedUtc",
                table: "monitoraggio_flusso",
                columns: new[] { "EnteCode", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_flusso_segnalazione_FlussoId_Riga",
                table: "monitoraggio_flusso_segnalazione",
                columns: new[] { "FlussoId", "Riga" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_Misura_Stato",
                table: "monitoraggio_pratica",
                columns: new[] { "Misura", "Stato" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_SiglaProvincia_ComuneIstat",
                table: "monitoraggio_pratica",
                columns: new[] { "SiglaProvincia", "ComuneIstat" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_storico_DataRiferimento",
                table: "monitoraggio_pratica_storico",
                column: "DataRiferimento");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoraggio_flusso");

            migrationBuilder.DropTable(
                name: "monitoraggio_flusso_blocco");

            migrationBuilder.DropTable(
                name: "monitoraggio_flusso_segnalazione");

            migrationBuilder.DropTable(
                name: "monitoraggio_misura");

            migrationBuilder.DropTable(
                name: "monitoraggio_pratica");

            migrationBuilder.DropTable(
                name: "monitoraggio_pratica_storico");
        }
    }
}
