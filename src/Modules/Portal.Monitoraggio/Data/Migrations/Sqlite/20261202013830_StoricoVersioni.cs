using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Monitoraggio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoricoVersioni : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DataFine",
                table: "monitoraggio_pratica_storico",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "DataVersione",
                table: "monitoraggio_pratica",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            foreach (var sql in StoricoVersioniData.Up) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(StoricoVersioniData.Down);

            migrationBuilder.DropColumn(
                name: "DataFine",
                table: "monitoraggio_pratica_storico");

            migrationBuilder.DropColumn(
                name: "DataVersione",
                table: "monitoraggio_pratica");
        }
    }
}
