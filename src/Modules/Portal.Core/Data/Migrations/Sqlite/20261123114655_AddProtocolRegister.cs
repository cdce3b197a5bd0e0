using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddProtocolRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_protocol_counter",
                columns: table => new
                {
                    Aoo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastNumber = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_protocol_counter", x => new { x.Aoo, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "core_protocol_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Aoo = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_protocol_entry", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_protocol_entry_Aoo_Year_Number",
                table: "core_protocol_entry",
                columns: new[] { "Aoo", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_protocol_entry_SubjectType_SubjectId",
                table: "core_protocol_entry",
                columns: new[] { "SubjectType", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_protocol_counter");

            migrationBuilder.DropTable(
                name: "core_protocol_entry");
        }
    }
}
