using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_comune",
                columns: table => new
                {
                    CodiceIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SiglaProvincia = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Provincia = table.Column<string>(type: "TEXT", nullable: true),
                    Regione = table.Column<string>(type: "TEXT", nullable: true),
                    CodiceCatastale = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_comune", x => x.CodiceIstat);
                });

            migrationBuilder.CreateTable(
                name: "core_data_protection_key",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_data_protection_key", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_file",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_file", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_lookup",
                columns: table => new
                {
                    Table = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_lookup", x => new { x.Table, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "core_person",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodiceFiscale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cognome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastLoginUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_person", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_recipe_run",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RunUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_recipe_run", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_role",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_role", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "core_setting",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_setting", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "core_role_assignment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScopeType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ScopeValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    GrantedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    RoleName = table.Column<string>(type: "TEXT", nullable: false),
                    PermissionName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
