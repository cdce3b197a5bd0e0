using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_receipt",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Segnatura = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProtocolUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PdfFileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FilesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_receipt", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_receipt_Code",
                table: "core_receipt",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_receipt_OwnerPersonId",
                table: "core_receipt",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_core_receipt_SubjectType_SubjectId",
                table: "core_receipt",
                columns: new[] { "SubjectType", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_receipt");
        }
    }
}
