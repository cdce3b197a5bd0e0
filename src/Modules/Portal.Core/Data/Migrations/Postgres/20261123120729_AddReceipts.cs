using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Segnatura = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProtocolUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PdfFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    FilesJson = table.Column<string>(type: "text", nullable: false)
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
