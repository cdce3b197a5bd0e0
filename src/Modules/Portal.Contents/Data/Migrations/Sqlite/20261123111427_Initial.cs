using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Contents.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contents_item",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LatestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnpublishAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstPublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contents_item", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contents_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contents_version", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contents_version_contents_item_ItemId",
                        column: x => x.ItemId,
                        principalTable: "contents_item",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contents_attachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contents_attachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contents_attachment_contents_version_VersionId",
                        column: x => x.VersionId,
                        principalTable: "contents_version",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contents_attachment_FileId",
                table: "contents_attachment",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_contents_attachment_VersionId",
                table: "contents_attachment",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_contents_item_ContentType_Slug",
                table: "contents_item",
                columns: new[] { "ContentType", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contents_item_ContentType_Status",
                table: "contents_item",
                columns: new[] { "ContentType", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contents_item_ParentId",
                table: "contents_item",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_contents_item_PublishAtUtc",
                table: "contents_item",
                column: "PublishAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_contents_item_UnpublishAtUtc",
                table: "contents_item",
                column: "UnpublishAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_contents_version_ItemId_Number",
                table: "contents_version",
                columns: new[] { "ItemId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contents_attachment");

            migrationBuilder.DropTable(
                name: "contents_version");

            migrationBuilder.DropTable(
                name: "contents_item");
        }
    }
}
