using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Workflows.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflows_definition",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_definition", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_demo_richiesta",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Oggetto = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsensoPrivacy = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_demo_richiesta", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_instance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_instance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Transition = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflows_history_workflows_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "workflows_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflows_timer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Transition = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_timer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflows_timer_workflows_instance_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "workflows_instance",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_definition_Code_Version",
                table: "workflows_definition",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_demo_richiesta_PersonId",
                table: "workflows_demo_richiesta",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_history_InstanceId_Utc",
                table: "workflows_history",
                columns: new[] { "InstanceId", "Utc" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_instance_DefinitionCode_State",
                table: "workflows_instance",
                columns: new[] { "DefinitionCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_instance_SubjectType_SubjectId",
                table: "workflows_instance",
                columns: new[] { "SubjectType", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_timer_InstanceId",
                table: "workflows_timer",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_timer_Status_DueUtc",
                table: "workflows_timer",
                columns: new[] { "Status", "DueUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_definition");

            migrationBuilder.DropTable(
                name: "workflows_demo_richiesta");

            migrationBuilder.DropTable(
                name: "workflows_history");

            migrationBuilder.DropTable(
                name: "workflows_timer");

            migrationBuilder.DropTable(
                name: "workflows_instance");
        }
    }
}
