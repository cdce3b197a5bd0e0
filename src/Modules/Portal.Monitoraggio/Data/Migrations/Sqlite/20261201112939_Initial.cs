using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Canale = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OperatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OperatorCf = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Righe = table.Column<int>(type: "INTEGER", nullable: false),
                    LetturaCompleta = table.Column<bool>(type: "INTEGER", nullable: false),
                    Errori = table.Column<int>(type: "INTEGER", nullable: false),
                    Avvisi = table.Column<int>(type: "INTEGER", nullable: false),
                    DataRiferimento = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConteggiRegole = table.Column<string>(type: "TEXT", nullable: true),
                    Riepilogo = table.Column<string>(type: "TEXT", nullable: true),
                    Esito = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecisoDa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_flusso", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_flusso_blocco",
                columns: table => new
                {
                    FlussoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_flusso_blocco", x => new { x.FlussoId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_flusso_segnalazione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlussoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Riga = table.Column<int>(type: "INTEGER", nullable: false),
                    Campo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Valore = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Codice = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Messaggio = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Avviso = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_flusso_segnalazione", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_misura",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Descrizione = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_misura", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_pratica",
                columns: table => new
                {
                    EnteCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdPratica = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CfPiva = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Denominazione = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Misura = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataDomanda = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ImportoRichiesto = table.Column<long>(type: "INTEGER", nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataDelibera = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportoDeliberato = table.Column<long>(type: "INTEGER", nullable: true),
                    DataErogazione = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportoErogato = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DataRiferimento = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FlussoId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoraggio_pratica", x => new { x.EnteCode, x.IdPratica });
                });

            migrationBuilder.CreateTable(
                name: "monitoraggio_pratica_storico",
                columns: table => new
                {
                    EnteCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdPratica = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DataRiferimento = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Misura = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ImportoRichiesto = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportoDeliberato = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportoErogato = table.Column<long>(type: "INTEGER", nullable: true),
                    FlussoId = table.Column<Guid>(type: "TEXT", nullable: false)
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
