using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportDesk.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordSubjectKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "privacy_consents",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            // Consent recorded before kinds existed belongs to the model's one kind then: customers.
            migrationBuilder.Sql("UPDATE privacy_consents SET \"SubjectKind\" = 'Customer'");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "privacy_access_log",
                type: "TEXT",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "privacy_consents");

            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "privacy_access_log");
        }
    }
}
