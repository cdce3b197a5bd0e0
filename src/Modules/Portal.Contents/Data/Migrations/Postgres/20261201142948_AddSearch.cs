using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Contents.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contents_search",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: true),
                    Categoria = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Servizio = table.Column<string>(type: "text", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpensAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosesAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contents_search", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contents_search_ContentType_PublishedUtc",
                table: "contents_search",
                columns: new[] { "ContentType", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_contents_search_ItemId",
                table: "contents_search",
                column: "ItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contents_search_ParentId",
                table: "contents_search",
                column: "ParentId");

            // Italian full-text search: a generated tsvector (title A, summary and category B, body C) with a GIN index;
            // kept out of the EF model (provider SQL), then the items already published are copied in.
            migrationBuilder.Sql("""
                ALTER TABLE contents_search ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('italian'::regconfig, coalesce("Title", '')), 'A') ||
                  setweight(to_tsvector('italian'::regconfig, coalesce("Summary", '') || ' ' || coalesce("Categoria", '')), 'B') ||
                  setweight(to_tsvector('italian'::regconfig, coalesce("Body", '')), 'C')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_contents_search_vector ON contents_search USING GIN (search_vector);");
            migrationBuilder.Sql("""
                INSERT INTO contents_search ("ItemId", "ContentType", "Slug", "ParentId", "Title", "Summary", "Body", "Categoria", "Servizio", "PublishedUtc", "OpensAtUtc", "ClosesAtUtc")
                SELECT i."Id", i."ContentType", i."Slug", i."ParentId", v."Title", v."Summary", v."Body",
                       v."DataJson"::jsonb ->> 'categoria', v."DataJson"::jsonb ->> 'servizio', i."FirstPublishedUtc",
                       (v."DataJson"::jsonb ->> 'opensAtUtc')::timestamptz, (v."DataJson"::jsonb ->> 'closesAtUtc')::timestamptz
                FROM contents_item i JOIN contents_version v ON v."ItemId" = i."Id" AND v."Number" = i."PublishedVersion"
                WHERE i."Status" = 'Pubblicato' AND i."ContentType" IN ('Avviso', 'Finestra', 'Graduatoria', 'Pagina');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contents_search");
        }
    }
}
