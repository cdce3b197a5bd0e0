using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Identity.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddBrowserBinding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BrowserBindingHash",
                table: "identity_authn_request",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BrowserBindingHash",
                table: "identity_authn_request");
        }
    }
}
