using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitoraggio_pratica_Misura_Stato",
                table: "monitoraggio_pratica");

            migrationBuilder.DropIndex(
                name: "IX_monitoraggio_pratica_SiglaProvincia_ComuneIstat",
                table: "monitoraggio_pratica");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
