using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitoraggio_pratica_storico_DataRiferimento",
                table: "monitoraggio_pratica_storico");

            migrationBuilder.DropIndex(
                name: "IX_monitoraggio_pratica_Misura_Stato",
                table: "monitoraggio_pratica");

            migrationBuilder.DropIndex(
                name: "IX_monitoraggio_pratica_SiglaProvincia_ComuneIstat",
                table: "monitoraggio_pratica");

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_storico_DataRiferimento",
                table: "monitoraggio_pratica_storico",
                column: "DataRiferimento")
                .Annotation("Npgsql:IndexMethod", "brin")
                .Annotation("Npgsql:StorageParameter:autosummarize", true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitoraggio_pratica_storico_DataRiferimento",
                table: "monitoraggio_pratica_storico");

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_storico_DataRiferimento",
                table: "monitoraggio_pratica_storico",
                column: "DataRiferimento");

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_Misura_Stato",
                table: "monitoraggio_pratica",
                columns: new[] { "Misura", "Stato" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoraggio_pratica_SiglaProvincia_ComuneIstat",
                table: "monitoraggio_pratica",
                columns: new[] { "SiglaProvincia", "ComuneIstat" });
        }
    }
}
