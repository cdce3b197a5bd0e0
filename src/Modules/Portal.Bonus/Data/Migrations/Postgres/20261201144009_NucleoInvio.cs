using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Bonus.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NucleoInvio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bonus_nucleo_invio",
                columns: table => new
                {
                    BandoId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DomandaId = table.Column<Guid>(type: "uuid", nullable: false),
                    InviataUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bonus_nucleo_invio", x => new { x.BandoId, x.CodiceFiscale });
                    table.ForeignKey(
                        name: "FK_bonus_nucleo_invio_bonus_domanda_DomandaId",
                        column: x => x.DomandaId,
                        principalTable: "bonus_domanda",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bonus_nucleo_invio_DomandaId",
                table: "bonus_nucleo_invio",
                column: "DomandaId");

            // The applications sent before this table existed hold their household's CFs, the earliest first.
            migrationBuilder.Sql("""
                INSERT INTO bonus_nucleo_invio ("BandoId", "CodiceFiscale", "DomandaId", "InviataUtc")
                SELECT x."BandoId", x."CodiceFiscale", x."Id", x."InviataUtc" FROM (
                    SELECT d."BandoId", d."CodiceFiscale", d."Id", d."InviataUtc" FROM bonus_domanda d
                    WHERE d."InviataUtc" IS NOT NULL AND d."Stato" NOT IN ('AnnullataSuRichiesta', 'Rinunciata')
                    UNION ALL
                    SELECT d."BandoId", c."CodiceFiscale", d."Id", d."InviataUtc" FROM bonus_componente c JOIN bonus_domanda d ON d."Id" = c."DomandaId"
                    WHERE d."InviataUtc" IS NOT NULL AND d."Stato" NOT IN ('AnnullataSuRichiesta', 'Rinunciata')
                ) x WHERE true ORDER BY x."InviataUtc"
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bonus_nucleo_invio");
        }
    }
}
