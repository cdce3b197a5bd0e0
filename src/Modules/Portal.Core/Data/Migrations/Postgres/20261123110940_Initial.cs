using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActorRole = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_comune",
                columns: table => new
                {
                    CodiceIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Nome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Provincia = table.Column<string>(type: "text", nullable: true),
                    Regione = table.Column<string>(type: "text", nullable: true),
                    CodiceCatastale = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_comune", x => x.CodiceIstat);
                });

            migrationBuilder.CreateTable(
                name: "core_data_protection_key",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_data_protection_key", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_file",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_file", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_lookup",
                columns: table => new
                {
                    Table = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_lookup", x => new { x.Table, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "core_person",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastLoginUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_person", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_recipe_run",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RunUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RunBy = table.Column<string>(type: "text", nullable: true),
                    Summary = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_recipe_run", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_role",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_role", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "core_setting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_setting", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "core_role_assignment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScopeType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScopeValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    GrantedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_role_assignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_role_assignment_core_person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "core_person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "core_role_permission",
                columns: table => new
                {
                    RoleName = table.Column<string>(type: "character varying(64)", nullable: false),
                    PermissionName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_role_permission", x => new { x.RoleName, x.PermissionName });
                    table.ForeignKey(
                        name: "FK_core_role_permission_core_role_RoleName",
                        column: x => x.RoleName,
                        principalTable: "core_role",
                        principalColumn: "Name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Action",
                table: "core_audit",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_core_audit_Utc",
                table: "core_audit",
                column: "Utc");

            migrationBuilder.CreateIndex(
                name: "IX_core_comune_CodiceCatastale",
                table: "core_comune",
                column: "CodiceCatastale");

            migrationBuilder.CreateIndex(
                name: "IX_core_comune_SiglaProvincia",
                table: "core_comune",
                column: "SiglaProvincia");

            migrationBuilder.CreateIndex(
                name: "IX_core_person_CodiceFiscale",
                table: "core_person",
                column: "CodiceFiscale",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_role_assignment_PersonId_RoleName_ScopeType_ScopeValue",
                table: "core_role_assignment",
                columns: new[] { "PersonId", "RoleName", "ScopeType", "ScopeValue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_audit");

            migrationBuilder.DropTable(
                name: "core_comune");

            migrationBuilder.DropTable(
                name: "core_data_protection_key");

            migrationBuilder.DropTable(
                name: "core_file");

            migrationBuilder.DropTable(
                name: "core_lookup");

            migrationBuilder.DropTable(
                name: "core_recipe_run");

            migrationBuilder.DropTable(
                name: "core_role_assignment");

            migrationBuilder.DropTable(
                name: "core_role_permission");

            migrationBuilder.DropTable(
                name: "core_setting");

            migrationBuilder.DropTable(
                name: "core_person");

            migrationBuilder.DropTable(
                name: "core_role");
        }
    }
}
