using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Graduatorie.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddGraduatoriaRegionale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "graduatorie_chiave_pseudonimi",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Chiave = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_chiave_pseudonimi", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_regionale",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FinestraId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stato = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NumeroBorse = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BuiltBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DuplicatiEsclusi = table.Column<int>(type: "INTEGER", nullable: false),
                    DecretoNumero = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecretoData = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_regionale", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_sollecito",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinestraId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Giorno = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_sollecito", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_posizione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GraduatoriaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Posizione = table.Column<int>(type: "INTEGER", nullable: false),
                    Codice = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ComuneIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CfStudente = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CognomeStudente = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NomeStudente = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DataNascitaStudente = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValoreIsee = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Esito = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InvioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Riga = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_posizione", x => x.Id);
                    table.ForeignKey(
                        name: "FK_graduatorie_posizione_graduatorie_regionale_GraduatoriaId",
                        column: x => x.GraduatoriaId,
                        principalTable: "graduatorie_regionale",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_posizione_GraduatoriaId_Codice",
                table: "graduatorie_posizione",
                columns: new[] { "GraduatoriaId", "Codice" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_posizione_GraduatoriaId_ComuneIstat",
                table: "graduatorie_posizione",
                columns: new[] { "GraduatoriaId", "ComuneIstat" });

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_posizione_GraduatoriaId_Posizione",
                table: "graduatorie_posizione",
                columns: new[] { "GraduatoriaId", "Posizione" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_regionale_FinestraId",
                table: "graduatorie_regionale",
                column: "FinestraId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_graduatorie_sollecito_FinestraId_Giorno_ComuneIstat_PersonId",
                table: "graduatorie_sollecito",
                columns: new[] { "FinestraId", "Giorno", "ComuneIstat", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graduatorie_chiave_pseudonimi");

            migrationBuilder.DropTable(
                name: "graduatorie_posizione");

            migrationBuilder.DropTable(
                name: "graduatorie_sollecito");

            migrationBuilder.DropTable(
                name: "graduatorie_regionale");
        }
    }
}
