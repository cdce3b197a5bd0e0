using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Graduatorie.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Chiave = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_chiave_pseudonimi", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_regionale",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FinestraId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stato = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NumeroBorse = table.Column<int>(type: "integer", nullable: false),
                    BuiltUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BuiltBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DuplicatiEsclusi = table.Column<int>(type: "integer", nullable: false),
                    DecretoNumero = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DecretoData = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_regionale", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_sollecito",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FinestraId = table.Column<Guid>(type: "uuid", nullable: false),
                    Giorno = table.Column<DateOnly>(type: "date", nullable: false),
                    ComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graduatorie_sollecito", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "graduatorie_posizione",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GraduatoriaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Posizione = table.Column<int>(type: "integer", nullable: false),
                    Codice = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ComuneIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CfStudente = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CognomeStudente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NomeStudente = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DataNascitaStudente = table.Column<DateOnly>(type: "date", nullable: true),
                    ValoreIsee = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Esito = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InvioId = table.Column<Guid>(type: "uuid", nullable: false),
                    Riga = table.Column<int>(type: "integer", nullable: false)
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
