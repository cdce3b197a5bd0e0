using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Contents.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LatestVersion = table.Column<int>(type: "integer", nullable: false),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true),
                    PublishAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnpublishAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstPublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contents_item", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contents_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    DataJson = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
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
