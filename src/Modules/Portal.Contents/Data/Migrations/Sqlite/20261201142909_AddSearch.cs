using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Contents.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    Categoria = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Servizio = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            // EF cannot express an FTS5 table: one virtual table over title, summary (+ category) and body, its rowid the
            // search row's Id, kept in step by triggers; then the items already published are copied in.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE contents_search_fts USING fts5("Title", "Summary", "Body", tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER contents_search_ai AFTER INSERT ON contents_search BEGIN
                  INSERT INTO contents_search_fts(rowid, "Title", "Summary", "Body")
                  VALUES (new."Id", new."Title", coalesce(new."Summary", '') || ' ' || coalesce(new."Categoria", ''), coalesce(new."Body", ''));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER contents_search_ad AFTER DELETE ON contents_search BEGIN
                  DELETE FROM contents_search_fts WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER contents_search_au AFTER UPDATE ON contents_search BEGIN
                  DELETE FROM contents_search_fts WHERE rowid = old."Id";
                  INSERT INTO contents_search_fts(rowid, "Title", "Summary", "Body")
                  VALUES (new."Id", new."Title", coalesce(new."Summary", '') || ' ' || coalesce(new."Categoria", ''), coalesce(new."Body", ''));
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO contents_search ("ItemId", "ContentType", "Slug", "ParentId", "Title", "Summary", "Body", "Categoria", "Servizio", "PublishedUtc", "OpensAtUtc", "ClosesAtUtc")
                SELECT i."Id", i."ContentType", i."Slug", i."ParentId", v."Title", v."Summary", v."Body",
                       json_extract(v."DataJson", '$.categoria'), json_extract(v."DataJson", '$.servizio'), i."FirstPublishedUtc",
                       strftime('%Y-%m-%d %H:%M:%S', json_extract(v."DataJson", '$.opensAtUtc')),
                       strftime('%Y-%m-%d %H:%M:%S', json_extract(v."DataJson", '$.closesAtUtc'))
                FROM contents_item i JOIN contents_version v ON v."ItemId" = i."Id" AND v."Number" = i."PublishedVersion"
                WHERE i."Status" = 'Pubblicato' AND i."ContentType" IN ('Avviso', 'Finestra', 'Graduatoria', 'Pagina');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER contents_search_au; DROP TRIGGER contents_search_ad; DROP TRIGGER contents_search_ai; DROP TABLE contents_search_fts;");
            migrationBuilder.DropTable(
                name: "contents_search");
        }
    }
}
